// Scenario: a Lightning-style module registers `loader.sampler.SetEpoch` (method group) as its on_train_epoch_start hook; the loader is a PyTorch-ported type with a batch_sampler member and comes in as a constructor parameter, so it may draw from a batch sampler — CMP001 at the method group ("CMP001 reports a setter of loader.Sampler handed on as a delegate as it reports a call").
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace LitPort;

public sealed class LitPkDataset : InMemoryDataset
{
    public LitPkDataset(IReadOnlyDictionary<string, Tensor> columns, long[] labels) : base(columns) => Labels = labels;

    public IReadOnlyList<long> Labels { get; }
}

public sealed class LitPkLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public LitPkLoader(LitPkDataset data, int p, int k, int seed)
    {
        dataset = data;
        sampler = new RandomSampler(data.Count, seed: seed);
        batch_sampler = new ClassBalancedBatchSampler(data.Labels, p, k, seed: seed);
    }

    public LitPkDataset dataset { get; }
    public RandomSampler sampler { get; }
    public ClassBalancedBatchSampler batch_sampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] indices in batch_sampler) yield return dataset.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class LitHookRegistry
{
    private readonly List<Action<int>> _onTrainEpochStart = new();

    public void RegisterTrainEpochStart(Action<int> hook) => _onTrainEpochStart.Add(hook);

    public void TrainEpochStart(int epoch)
    {
        foreach (var hook in _onTrainEpochStart) hook(epoch);
    }
}

public sealed class LitMetricLearningModule
{
    public LitMetricLearningModule(LitPkLoader loader, LitHookRegistry hooks)
    {
        Loader = loader;
        hooks.RegisterTrainEpochStart(loader.sampler.SetEpoch); //! CMP001
    }

    public LitPkLoader Loader { get; }
}
