// Scenario: An abstract training-loop base class builds a DistributedSampler-backed loader in its constructor and, each pass, calls the abstract PrepareEpoch(loader, epoch) whose body is not in view (it may set the epoch) before iterating (negative).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Framework;

public abstract class EpochLoopBase : IDisposable
{
    protected readonly EpochDataLoader TrainLoader;
    protected readonly nn.Module<Tensor, Tensor> Model;
    readonly optim.Optimizer _optimizer;

    protected EpochLoopBase(InMemoryDataset trainSet, nn.Module<Tensor, Tensor> model, int batchSize, int seed)
    {
        TrainLoader = new EpochDataLoader(trainSet, batchSize, sampler: new DistributedSampler(trainSet.Count, seed: seed));
        Model = model;
        _optimizer = optim.Adam(model.parameters(), lr: 1e-3);
    }

    protected abstract void PrepareEpoch(EpochDataLoader loader, int epoch);

    protected abstract Tensor ComputeLoss(Dictionary<string, Tensor> batch);

    protected virtual void AfterEpoch(int epoch, double meanLoss) =>
        Console.WriteLine($"epoch {epoch}: {meanLoss:F4}");

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            PrepareEpoch(TrainLoader, epoch);
            Model.train();
            double sum = 0;
            foreach (var batch in TrainLoader)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = ComputeLoss(batch);
                loss.backward();
                _optimizer.step();
                sum += loss.item<float>();
            }
            AfterEpoch(epoch, sum / TrainLoader.Count);
        }
    }

    public void Dispose()
    {
        TrainLoader.Dispose();
        Model.Dispose();
    }
}
