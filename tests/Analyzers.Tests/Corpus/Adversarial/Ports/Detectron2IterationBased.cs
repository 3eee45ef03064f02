// Scenario: detectron2-style iteration-based training: a generic helper turns the loader into an endless stream that sets the next epoch before each pass over the data (detectron2's TrainingSampler reshuffles per pass), and the trainer pulls one batch per iteration from it — correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.Detectron2IterationBased;

public static class InfiniteLoader
{
    /// <summary>Batches forever, one reshuffled epoch after another.</summary>
    public static IEnumerable<TBatch> Forever<TBatch>(IDataLoader<TBatch> loader, int startEpoch = 0)
    {
        for (int epoch = startEpoch; ; epoch++)
        {
            loader.SetEpoch(epoch);
            foreach (var batch in loader)
                yield return batch;
        }
    }
}

public abstract class HookBase
{
    public virtual void BeforeStep(int iter) { }
    public virtual void AfterStep(int iter, float loss) { }
}

public sealed class PeriodicWriter(int period) : HookBase
{
    public override void AfterStep(int iter, float loss)
    {
        if ((iter + 1) % period == 0) Console.WriteLine($"iter: {iter + 1}  total_loss: {loss:F4}");
    }
}

public sealed class SimpleTrainer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly EpochDataLoader _dataLoader;
    private readonly IEnumerator<Dictionary<string, Tensor>> _dataLoaderIter;
    private readonly List<HookBase> _hooks = new();

    public SimpleTrainer(nn.Module<Tensor, Tensor> model, InMemoryDataset dataset, int imsPerBatch, int seed, int startIter)
    {
        _model = model;
        _optimizer = optim.SGD(model.parameters(), 0.02, momentum: 0.9, weight_decay: 1e-4);
        _dataLoader = new EpochDataLoader(dataset, batchSize: imsPerBatch,
            sampler: new RandomSampler(dataset.Count, seed: seed), dropLast: true);
        int itersPerEpoch = (int)Math.Max(_dataLoader.Count, 1);
        _dataLoaderIter = InfiniteLoader.Forever(_dataLoader, startIter / itersPerEpoch).GetEnumerator();
    }

    public void RegisterHooks(params HookBase[] hooks) => _hooks.AddRange(hooks);

    public void Train(int startIter, int maxIter)
    {
        for (int iter = startIter; iter < maxIter; iter++)
        {
            foreach (var h in _hooks) h.BeforeStep(iter);
            float loss = RunStep();
            foreach (var h in _hooks) h.AfterStep(iter, loss);
        }
    }

    private float RunStep()
    {
        using var scope = NewDisposeScope();
        _dataLoaderIter.MoveNext();
        var data = _dataLoaderIter.Current;
        var losses = nn.functional.cross_entropy(_model.call(data["image"]), data["label"]);
        _optimizer.zero_grad();
        losses.backward();
        _optimizer.step();
        return losses.item<float>();
    }

    public void Dispose()
    {
        _dataLoaderIter.Dispose();
        _dataLoader.Dispose();
    }
}
