// Scenario: the feeder is built here over a DistributedSampler, so its order depends on the epoch; one loop never
// starts its epochs (CMP002, seen only because the options name the feeder), the other does.
using Composer.Data;

namespace Harness.ConfiguredLoader;

public static class Trainer
{
    public static float Fit(IReadOnlyList<float[]> rows, int epochs)
    {
        var feeder = new ShardFeeder(rows, new DistributedSampler(rows.Count, numReplicas: 2, rank: 0, seed: 5));
        float total = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
            foreach (var row in feeder) total += row[0]; //! CMP002
        return total;
    }

    public static float FitStarted(IReadOnlyList<float[]> rows, int epochs)
    {
        var feeder = new ShardFeeder(rows, new DistributedSampler(rows.Count, numReplicas: 2, rank: 0, seed: 5));
        float total = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            feeder.StartEpoch(epoch);
            foreach (var row in feeder) total += row[0];
        }
        return total;
    }
}
