namespace Helix.Streams;

public static class Pretrain
{
    public static double Run(IReadOnlyList<float[]> rows, int epochs)
    {
        var feeder = new StreamFeeder(rows, new CurriculumSampler(rows.Count, seed: 4));
        double sum = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var row in feeder) sum += row[0]; //! CMP002
        }
        return sum;
    }
}
