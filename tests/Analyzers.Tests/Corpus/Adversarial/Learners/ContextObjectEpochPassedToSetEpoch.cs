// Scenario: a Lightning-style Trainer of the user's own keeps the epoch in a context object (for (ctx.Epoch = 0; …; ctx.Epoch++)) and sets the loader's epoch from ctx.Epoch before each pass — right: the property changes every pass.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Learners.Context;

public sealed class FitContext
{
    public int Epoch { get; set; }
    public long GlobalStep { get; set; }
    public bool StopTraining { get; set; }
}

public interface ILightningModule
{
    Tensor TrainingStep(Dictionary<string, Tensor> batch, FitContext ctx);
    void OnTrainEpochEnd(FitContext ctx);
}

public sealed class MyTrainer
{
    private readonly int _maxEpochs;
    public MyTrainer(int maxEpochs) => _maxEpochs = maxEpochs;

    public void Fit(ILightningModule module, InMemoryDataset trainSet)
    {
        var train = new EpochDataLoader(trainSet, batchSize: 32, shuffle: true, seed: 21);
        var ctx = new FitContext();
        for (ctx.Epoch = 0; ctx.Epoch < _maxEpochs && !ctx.StopTraining; ctx.Epoch++)
        {
            train.SetEpoch(ctx.Epoch);
            foreach (var batch in train)
            {
                using var loss = module.TrainingStep(batch, ctx);
                loss.backward();
                ctx.GlobalStep++;
            }
            module.OnTrainEpochEnd(ctx);
        }
    }
}
