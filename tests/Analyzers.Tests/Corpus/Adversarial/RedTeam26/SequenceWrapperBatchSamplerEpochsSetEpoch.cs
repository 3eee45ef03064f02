// Scenario: the user's batch sampler `BucketByLength(IEnumerable<long[]> source, …)` wraps a BatchSampler over a RandomSampler, keeping it in a field typed IEnumerable<long[]>; the loop calls Epochs.SetEpoch(loader, epoch) — what CMP002's fix inserts. The pages: "Epochs.SetEpoch(L, e) counts as setting all of L, whatever L's type", so no diagnostic (at run time the call does not reach the RandomSampler: see the report).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RT26.SequenceWrapper;

/// <summary>Regroups the batches of a source so that each holds rows of similar length.</summary>
public sealed class BucketByLength : IBatchSampler
{
    private readonly IEnumerable<long[]> _source;
    private readonly IReadOnlyList<int> _lengths;

    public BucketByLength(IEnumerable<long[]> source, IReadOnlyList<int> lengths)
    {
        _source = source;
        _lengths = lengths;
    }

    public long Count => _source.LongCount();

    public IEnumerator<long[]> GetEnumerator()
    {
        foreach (long[] batch in _source)
            yield return batch.OrderBy(i => _lengths[(int)i]).ToArray();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class SpeechLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public SpeechLoader(InMemoryDataset dataset, IBatchSampler batchSampler)
    {
        Dataset = dataset;
        BatchSampler = batchSampler;
    }

    public InMemoryDataset Dataset { get; }
    public IBatchSampler BatchSampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() => BatchSampler.Select(Dataset.GetBatch).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class AsrTraining
{
    public static void Run(InMemoryDataset clips, IReadOnlyList<int> lengths, torch.nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = torch.optim.Adam(model.parameters(), 1e-3);
        var loader = new SpeechLoader(clips, new BucketByLength(new BatchSampler(new RandomSampler(clips.Count, seed: 8), 16), lengths));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(loader, epoch);
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = model.forward(batch["audio"]).square().mean();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
