// Scenario: fairseq-style token-budget batch sampler (dynamic batch sizes); a resumed run sets the loader's epoch to the checkpoint's start epoch inside the epoch loop — wrong: the same epoch every pass, so every epoch replays one order (CMP004).
using Composer.Data;
using static TorchSharp.torch;

namespace Translation;

/// <summary>Batches of sentences whose padded size (max length × count) stays under a token budget.</summary>
public sealed class TokenBudgetBatchSampler : IBatchSampler, IEpochAware
{
    private readonly int[] _lengths;
    private readonly int _maxTokens;
    private readonly int _seed;
    private int _epoch;
    private List<long[]>? _cached;
    private int _cachedEpoch = -1;

    public TokenBudgetBatchSampler(int[] lengths, int maxTokens, int seed = 1)
    {
        _lengths = lengths;
        _maxTokens = maxTokens;
        _seed = seed;
    }

    public long Count => Batches().Count;

    public void SetEpoch(int epoch) => _epoch = epoch;

    private List<long[]> Batches()
    {
        if (_cachedEpoch == _epoch && _cached is not null) return _cached;
        // Sort by length (ties broken randomly), pack greedily, then shuffle the batches.
        var rng = new Random(_seed + _epoch);
        var order = Enumerable.Range(0, _lengths.Length).OrderBy(i => _lengths[i]).ThenBy(_ => rng.Next()).ToList();
        var batches = new List<long[]>();
        var current = new List<long>();
        int longest = 0;
        foreach (int i in order)
        {
            int candidate = Math.Max(longest, _lengths[i]);
            if (current.Count > 0 && candidate * (current.Count + 1) > _maxTokens)
            {
                batches.Add(current.ToArray());
                current.Clear();
                candidate = _lengths[i];
            }
            current.Add(i);
            longest = candidate;
        }
        if (current.Count > 0) batches.Add(current.ToArray());
        _cached = batches.OrderBy(_ => rng.Next()).ToList();
        _cachedEpoch = _epoch;
        return _cached;
    }

    public IEnumerator<long[]> GetEnumerator() => Batches().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class TranslationTask(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
{
    public void Fit(InMemoryDataset pairs, int[] sourceLengths, int startEpoch, int maxEpoch)
    {
        using var loader = new EpochDataLoader(pairs,
            batchSampler: new TokenBudgetBatchSampler(sourceLengths, maxTokens: 4096), prefetch: true);

        for (int epoch = startEpoch; epoch < maxEpoch; epoch++)
        {
            Epochs.SetEpoch(loader, startEpoch); //! CMP004
            long step = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var logits = model.call(batch["source"]);
                var loss = nn.functional.cross_entropy(logits, batch["target"], ignore_index: 0);
                loss.backward();
                optimizer.step();
                if (++step % 500 == 0) Console.WriteLine($"epoch {epoch} step {step} loss {loss.item<float>():F3}");
            }
        }
    }
}
