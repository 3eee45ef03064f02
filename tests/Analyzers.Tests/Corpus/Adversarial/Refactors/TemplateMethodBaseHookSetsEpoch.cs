// Scenario: two training scripts were merged into an abstract SupervisedLoop whose Fit() template calls the virtual OnEpochStart(epoch); the base implementation sets the train loader's epoch and the derived warmup override calls base first (right).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Shared.Training;

public abstract class SupervisedLoop : IDisposable
{
    protected readonly nn.Module<Tensor, Tensor> Model;
    protected readonly optim.Optimizer Optimizer;
    protected readonly EpochDataLoader Train;

    protected SupervisedLoop(nn.Module<Tensor, Tensor> model, InMemoryDataset trainSet, int batchSize, int seed, double lr)
    {
        Model = model;
        Optimizer = optim.Adam(model.parameters(), lr: lr);
        Train = new EpochDataLoader(trainSet, batchSize: batchSize, shuffle: true, seed: seed);
    }

    // The template: subclasses fill in the loss and, if they want, the epoch hooks.
    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            OnEpochStart(epoch);
            Model.train();
            foreach (var batch in Train)
            {
                using var scope = torch.NewDisposeScope();
                Optimizer.zero_grad();
                var loss = ComputeLoss(batch);
                loss.backward();
                Optimizer.step();
            }
            OnEpochEnd(epoch);
        }
    }

    protected virtual void OnEpochStart(int epoch) => Train.SetEpoch(epoch);

    protected virtual void OnEpochEnd(int epoch) { }

    protected abstract Tensor ComputeLoss(Dictionary<string, Tensor> batch);

    public void Dispose()
    {
        Train.Dispose();
        Optimizer.Dispose();
    }
}

public sealed class WarmupClassifierLoop : SupervisedLoop
{
    private readonly int _warmupEpochs;
    private readonly double _lr;

    public WarmupClassifierLoop(nn.Module<Tensor, Tensor> model, InMemoryDataset trainSet, int warmupEpochs = 3, double lr = 1e-3)
        : base(model, trainSet, batchSize: 128, seed: 7, lr: lr)
    {
        _warmupEpochs = warmupEpochs;
        _lr = lr;
    }

    protected override void OnEpochStart(int epoch)
    {
        base.OnEpochStart(epoch);
        double scale = epoch < _warmupEpochs ? (epoch + 1.0) / _warmupEpochs : 1.0;
        foreach (var group in Optimizer.ParamGroups)
            group.LearningRate = _lr * scale;
    }

    protected override Tensor ComputeLoss(Dictionary<string, Tensor> batch) =>
        nn.functional.cross_entropy(Model.call(batch["data"]), batch["label"]);
}
