// Scenario (project, loader_types = Vega.Data.TokenFeeder): a feeder with a primary constructor keeps its
// shuffler in a captured parameter and has its own SetEpoch. The loop calls Epochs.SetEpoch(feeder, epoch), as the
// rule pages recommend for "any loader: yours". By the pages that handles the epoch (no diagnostic), but the runtime
// finds no Sampler/BatchSampler/Dataset member and does not call the feeder's own SetEpoch: nothing is set.
using System.Collections;
using Composer.Data;

namespace Vega.Data;

public sealed class TokenFeeder(IReadOnlyList<int[]> documents, ISampler shuffler) : IEnumerable<int[]>
{
    public void SetEpoch(int epoch)
    {
        if (shuffler is IEpochAware aware) aware.SetEpoch(epoch);
    }

    public IEnumerator<int[]> GetEnumerator()
    {
        foreach (long i in shuffler) yield return documents[(int)i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Pretraining
{
    public static long Run(IReadOnlyList<int[]> documents, int epochs)
    {
        var feeder = new TokenFeeder(documents, new RandomSampler(documents.Count, seed: 21));
        long tokens = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(feeder, epoch);
            foreach (var doc in feeder) tokens += doc.Length;
        }
        return tokens;
    }
}
