using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>Seeding for reproducible runs (Composer's <c>reproducibility.seed_all</c>).</summary>
public static class Reproducibility
{
    /// <summary>
    /// Seeds torch's CPU and CUDA generators. Call it before building the model so that its initial
    /// weights are reproducible too; the trainer calls it again with <see cref="TrainerOptions.Seed"/>.
    /// </summary>
    /// <param name="seed">The seed.</param>
    public static void SeedAll(int seed)
    {
        manual_seed(seed);
        if (cuda.is_available())
        {
            cuda.manual_seed_all(seed);
        }
    }
}
