// Scenario: the user's loader has only a `Sampler` property (no batch sampler member); the order is `ISampler order = mode switch { Ddp => new DistributedSampler(…), Debug => new SequentialSampler(…), _ => new RandomSampler(…) }`, and each epoch starts with `(loader.Sampler as IEpochAware)?.SetEpoch(epoch)`. Right: CMP001 does not apply to a loader type of yours with no BatchSampler/batch_sampler member, and a setter on L.Sampler handles CMP002. No diagnostic.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RT26.SwitchChosen;

public enum RunMode { Ddp, Debug, Single }

public sealed class SequenceLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _data;
    private readonly int _batchSize;

    public SequenceLoader(InMemoryDataset data, ISampler sampler, int batchSize)
    {
        _data = data;
        Sampler = sampler;
        _batchSize = batchSize;
    }

    public ISampler Sampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] ids in Sampler.Chunk(_batchSize)) yield return _data.GetBatch(ids);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Forecasting
{
    public static void Train(InMemoryDataset series, torch.nn.Module<Tensor, Tensor> model, RunMode mode, int rank, int worldSize, int epochs)
    {
        ISampler order = mode switch
        {
            RunMode.Ddp => new DistributedSampler(series.Count, numReplicas: worldSize, rank: rank, seed: 9),
            RunMode.Debug => new SequentialSampler(series.Count),
            _ => new RandomSampler(series.Count, seed: 9),
        };
        var loader = new SequenceLoader(series, order, batchSize: 128);
        var optimizer = torch.optim.Adam(model.parameters(), 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            (loader.Sampler as IEpochAware)?.SetEpoch(epoch);
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = torch.nn.functional.l1_loss(model.forward(batch["window"]), batch["horizon"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
