// Scenario: a hand-ported loader class (Sampler property declared as DistributedSampler and assigned in its constructor, enumerable) is iterated in a `for (;;)` epoch loop with an early `break` and never told the epoch (CMP002).
using System.Collections;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Ported;

public sealed class ShardedTensorLoader : IEnumerable<(Tensor Inputs, Tensor Targets)>
{
    readonly Tensor _inputs, _targets;
    readonly int _batchSize;

    public ShardedTensorLoader(Tensor inputs, Tensor targets, int batchSize, int seed)
    {
        (_inputs, _targets, _batchSize) = (inputs, targets, batchSize);
        Sampler = new DistributedSampler(inputs.shape[0], Dist.WorldSize, Dist.Rank, seed: seed);
    }

    public DistributedSampler Sampler { get; }

    public IEnumerator<(Tensor Inputs, Tensor Targets)> GetEnumerator()
    {
        foreach (var chunk in Sampler.Chunk(_batchSize))
        {
            using var index = tensor(chunk);
            yield return (_inputs.index_select(0, index), _targets.index_select(0, index));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class RegressionJob
{
    public static int Run(Tensor x, Tensor y, double targetLoss)
    {
        var loader = new ShardedTensorLoader(x, y, batchSize: 256, seed: 12);
        var model = nn.Sequential(("fc1", nn.Linear(x.shape[1], 128)), ("act", nn.Softplus()), ("fc2", nn.Linear(128, 1)));
        var sgd = optim.SGD(model.parameters(), 1e-3);
        using var reducer = new GradientAllReducer(model);

        int epoch = 0;
        for (;;)
        {
            double total = 0;
            foreach (var (inputs, targets) in loader) //! CMP002
            {
                using var scope = NewDisposeScope();
                sgd.zero_grad();
                var loss = nn.functional.smooth_l1_loss(model.forward(inputs).squeeze(1), targets);
                loss.backward();
                reducer.AverageGradients();
                sgd.step();
                total += loss.item<float>();
            }
            epoch++;
            if (total / loader.Sampler.Count * 256 < targetLoss || epoch >= 200) break;
        }
        return epoch;
    }
}
