using Composer.Data;
using Nimbus.Data;

namespace Nimbus.Training;

public static class Loop
{
    public static double Fit(IReadOnlyList<float[]> rows, int epochs)
    {
        IRowFeeder feeder = new ShardRowFeeder(rows, new DistributedSampler(rows.Count, numReplicas: 2, rank: 0, seed: 8));
        double sum = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var row in feeder) sum += row[0]; //! CMP002
        }
        return sum;
    }
}
