// Scenario: the user's non-epoch-aware `LengthGroupedBatches(IBatchSampler inner, lengths, shuffle)` regroups the batches of a BatchSampler over a RandomSampler; `shuffle: false` only turns off its own reshuffling of the groups, the inner RandomSampler still decides the order. The loop never sets an epoch. The pages: a batch sampler of yours "that is not epoch-aware itself but is handed an epoch-dependent sampler" has that sampler's order, so the loader is epoch-dependent: CMP002 (the "shuffle: the constant false" exemption is worded for "an epoch-aware sampler of yours made for evaluation", which this is not).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RT26.LengthGrouped;

public sealed class LengthGroupedBatches : IBatchSampler
{
    private readonly IBatchSampler _inner;
    private readonly IReadOnlyList<int> _lengths;
    private readonly bool _shuffle;

    public LengthGroupedBatches(IBatchSampler inner, IReadOnlyList<int> lengths, bool shuffle = true)
    {
        _inner = inner;
        _lengths = lengths;
        _shuffle = shuffle;
    }

    public long Count => _inner.Count;

    public IEnumerator<long[]> GetEnumerator()
    {
        // Sort within a window of 50 batches so padding stays small; optionally shuffle the windows' batches.
        foreach (var window in _inner.Chunk(50))
        {
            var sorted = window.SelectMany(b => b).OrderBy(i => _lengths[(int)i]).Chunk(window[0].Length).ToArray();
            if (_shuffle) Random.Shared.Shuffle(sorted);
            foreach (var b in sorted) yield return b;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class TextLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public TextLoader(InMemoryDataset dataset, IBatchSampler batchSampler) { Dataset = dataset; BatchSampler = batchSampler; }
    public InMemoryDataset Dataset { get; }
    public IBatchSampler BatchSampler { get; }
    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() => BatchSampler.Select(Dataset.GetBatch).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class FineTune
{
    public static void Run(InMemoryDataset sentences, IReadOnlyList<int> lengths, torch.nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = torch.optim.AdamW(model.parameters(), lr: 2e-5);
        // Deterministic grouping (shuffle: false) so runs are reproducible; the RandomSampler still reshuffles per epoch.
        var batches = new LengthGroupedBatches(new BatchSampler(new RandomSampler(sentences.Count, seed: 7), 16), lengths, shuffle: false);
        var loader = new TextLoader(sentences, batches);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in loader) //! CMP002
            {
                optimizer.zero_grad();
                using var loss = model.forward(batch["input_ids"]).mean();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
