// Scenario: a Lightning-style module sets its shuffled loader's epoch once in OnFitStart (epoch 0) and its per-epoch hook only logs, so the fit loop replays the same order every epoch (bug).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PortedLightning.FitStart;

public sealed class LitClassifier
{
    private readonly EpochDataLoader _train;
    private readonly Sequential _model;
    private readonly optim.Optimizer _optimizer;

    public LitClassifier(InMemoryDataset trainSet, int batchSize = 64)
    {
        _train = new EpochDataLoader(trainSet, batchSize: batchSize, shuffle: true, seed: 1234);
        _model = nn.Sequential(("fc1", nn.Linear(20, 64)), ("relu", nn.ReLU()), ("fc2", nn.Linear(64, 10)));
        _optimizer = optim.SGD(_model.parameters(), learningRate: 0.05, momentum: 0.9);
    }

    private void OnFitStart()
    {
        // "make the shuffle deterministic" — done once, before the loop
        _train.SetEpoch(0);
        _model.train();
    }

    private void OnTrainEpochStart(int epoch) => Console.WriteLine($"[lit] epoch {epoch} starting");

    private Tensor TrainingStep(Dictionary<string, Tensor> batch)
        => nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);

    public void Fit(int maxEpochs)
    {
        OnFitStart();
        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            OnTrainEpochStart(epoch);
            foreach (var batch in _train) //! CMP002
            {
                _optimizer.zero_grad();
                using var loss = TrainingStep(batch);
                loss.backward();
                _optimizer.step();
            }
        }
    }
}
