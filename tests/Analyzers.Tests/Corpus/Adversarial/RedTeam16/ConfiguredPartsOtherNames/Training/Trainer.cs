using Acme.Feeds.Data;
using Composer.Data;

namespace Acme.Feeds.Training;

public static class Trainer
{
    public static double Fit(IReadOnlyList<float[]> records, int epochs)
    {
        var feeder = new RecordFeeder(records, new DistributedSampler(records.Count, numReplicas: 4, rank: 1, seed: 11));
        double sum = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var row in feeder) sum += row[0]; //! CMP002
        }
        return sum;
    }

    public static double FitCast(IReadOnlyList<float[]> records, int epochs)
    {
        var feeder = new RecordFeeder(records, new RandomSampler(records.Count, seed: 12));
        double sum = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            ((IEpochAware)feeder).SetEpoch(epoch); // right: the feeder's own setter, through its interface
            foreach (var row in feeder) sum += row[0];
        }
        return sum;
    }
}
