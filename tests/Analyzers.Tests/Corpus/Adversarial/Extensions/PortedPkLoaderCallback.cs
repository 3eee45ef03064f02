// Scenario: a P×K loader ported from PyTorch (sampler + batch_sampler members) trained by a hand loop and reshuffled by a callback that sets only loader.sampler's epoch - wrong, CMP001 twice.
using System.Collections;
using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Lab.Blind17.PortedPk;

public sealed class PkLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _data;

    public PkLoader(InMemoryDataset data, IReadOnlyList<long> labels, int p, int k, int seed)
    {
        _data = data;
        sampler = new RandomSampler(data.Count, seed);
        batch_sampler = new ClassBalancedBatchSampler(labels, p, k, seed);
    }

    public RandomSampler sampler { get; }
    public ClassBalancedBatchSampler batch_sampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() =>
        batch_sampler.Select(indices => _data.GetBatch(indices)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class PkReshuffle(PkLoader loader) : Callback
{
    public override void EpochStart(State state, Logger logger) =>
        loader.sampler.SetEpoch(state.Timestamp.Epoch); //! CMP001
}

public static class PkLoop
{
    public static void Fit(PkLoader loader, ComposerModel model, optim.Optimizer optimizer, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.sampler.SetEpoch(epoch); //! CMP001
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                model.Loss(model.Forward(batch), batch).backward();
                optimizer.step();
            }
        }
    }
}
