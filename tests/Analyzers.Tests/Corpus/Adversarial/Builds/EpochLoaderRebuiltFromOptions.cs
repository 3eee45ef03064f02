// Scenario: an async trainer rebuilds its shuffling EpochDataLoader at the start of every epoch with `seed: options.Seed` and never sets the epoch — every epoch replays one order (wrong). CMP002: "A loader rebuilt on every pass is flagged too when its seed is the same on every pass. A field or property of your own code counts as fixed unless the loop assigns it".
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind14.EpochLoaderRebuiltFromOptions;

public sealed class TrainingOptions
{
    public int Seed { get; init; } = 17;
    public int BatchSize { get; init; } = 64;
    public int Epochs { get; init; } = 5;
}

public sealed class AsyncFitter(TrainingOptions options, InMemoryDataset data)
{
    public async Task<double> FitAsync(CancellationToken ct)
    {
        double total = 0;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            using var train = new EpochDataLoader(data, batchSize: options.BatchSize, shuffle: true, seed: options.Seed);
            foreach (var batch in train) //! CMP002
            {
                ct.ThrowIfCancellationRequested();
                total += batch["data"].mean().item<float>();
            }
            await Task.Delay(TimeSpan.FromMilliseconds(10), ct);
        }
        return total;
    }
}
