using Composer.Data;

namespace GanTraining;

/// <summary>A few quick passes over the noise to settle the running statistics before training.</summary>
public static class Warmup
{
    public static double Run(InMemoryDataset noise, int rounds)
    {
        using var loader = new NoiseLoader(noise, 32, true, seed: 4);
        double sum = 0;
        long batches = 0;
        for (int round = 0; round < rounds; round++)
        {
            foreach (var batch in loader)
            {
                sum += batch["data"].mean().item<float>();
                batches++;
            }
        }
        return sum / Math.Max(1, batches);
    }
}
