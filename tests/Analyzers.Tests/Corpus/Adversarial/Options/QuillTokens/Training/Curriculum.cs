using Quill.Tokens.Batching;

namespace Quill.Tokens.Training;

/// <summary>Short documents first, then the full corpus, reshuffled every epoch.</summary>
public static class Curriculum
{
    public static void Run(IReadOnlyList<long[]> shortDocs, IReadOnlyList<long[]> allDocs, int epochs, Action<TokenBatch<long>> step)
    {
        // Warm-up phase: corpus order on purpose (no DocOrder), so nothing to reseed.
        var warm = new TokenBatcher<long>(shortDocs, tokensPerBatch: 1024);
        for (int epoch = 0; epoch < 2; epoch++)
        {
            foreach (var batch in warm) step(batch);
        }

        var order = new DocOrder(allDocs.Count, seed: 77);
        var main = new TokenBatcher<long>(allDocs, order, 4096);
        var replay = new TokenBatcher<long>(shortDocs, new DocOrder(shortDocs.Count, seed: 78), 1024);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Determinism.Reseed(1234); // process-wide seed: no batcher argument, so not an epoch setter
            order.Reseed(epoch);      // the order the main batcher was built from
            BatchingOps.Reseed(replay, epoch);
            foreach (var (a, b) in main.Zip(replay))
            {
                step(a);
                step(b);
            }
        }
    }

    public static long CountTokens(TokenBatcher<long> batcher, int epochs)
    {
        long total = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            batcher.Reseed(epoch);
            total += batcher.Sum(b => (long)b.TokenCount);
        }
        return total;
    }
}
