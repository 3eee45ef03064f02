using System.Collections;

namespace Quill.Tokens.Batching;

/// <summary>A permutation of document ids, redrawn from (seed, epoch).</summary>
public sealed class DocOrder : IEnumerable<int>
{
    private readonly int _count;
    private readonly int _seed;
    private int _epoch;

    public DocOrder(int count, int seed)
    {
        _count = count;
        _seed = seed;
    }

    public void Reseed(int epoch) => _epoch = epoch;

    public IEnumerator<int> GetEnumerator()
    {
        var ids = Enumerable.Range(0, _count).ToArray();
        new Random(_seed * 7919 + _epoch).Shuffle(ids);
        return ((IEnumerable<int>)ids).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>One batch of packed documents.</summary>
public sealed record TokenBatch<TToken>(IReadOnlyList<TToken[]> Documents, int TokenCount);

/// <summary>
/// Packs whole documents into batches of at most <c>tokensPerBatch</c> tokens, visiting the documents in the
/// order of a <see cref="DocOrder"/> (or in corpus order when none is given).
/// </summary>
public sealed class TokenBatcher<TToken> : IEnumerable<TokenBatch<TToken>>
{
    private readonly IReadOnlyList<TToken[]> _docs;
    private readonly DocOrder? _order;
    private readonly int _tokensPerBatch;

    public TokenBatcher(IReadOnlyList<TToken[]> docs, DocOrder order, int tokensPerBatch)
    {
        _docs = docs;
        _order = order;
        _tokensPerBatch = tokensPerBatch;
    }

    public TokenBatcher(IReadOnlyList<TToken[]> docs, int tokensPerBatch)
    {
        _docs = docs;
        _tokensPerBatch = tokensPerBatch;
    }

    public void Reseed(int epoch) => _order?.Reseed(epoch);

    public IEnumerator<TokenBatch<TToken>> GetEnumerator()
    {
        var pending = new List<TToken[]>();
        int tokens = 0;
        foreach (int id in _order ?? (IEnumerable<int>)Enumerable.Range(0, _docs.Count))
        {
            var doc = _docs[id];
            if (tokens + doc.Length > _tokensPerBatch && pending.Count > 0)
            {
                yield return new TokenBatch<TToken>(pending.ToArray(), tokens);
                pending.Clear();
                tokens = 0;
            }
            pending.Add(doc);
            tokens += doc.Length;
        }
        if (pending.Count > 0) yield return new TokenBatch<TToken>(pending.ToArray(), tokens);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class BatchingOps
{
    /// <summary>Reseeds a batcher; kept static for the config-driven trainer.</summary>
    public static void Reseed<TToken>(TokenBatcher<TToken> batcher, int epoch) => batcher.Reseed(epoch);
}

/// <summary>Process-wide determinism: reseeds TorchSharp and the BCL generator.</summary>
public static class Determinism
{
    public static void Reseed(int seed)
    {
        TorchSharp.torch.manual_seed(seed);
        Random.Shared.Next();
    }
}
