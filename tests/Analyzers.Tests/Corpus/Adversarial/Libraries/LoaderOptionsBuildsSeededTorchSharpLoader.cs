// Scenario: a library's LoaderOptions.Build creates a TorchSharp DataLoader with shuffle and the options' fixed seed, so every epoch of the caller replays one order (wrong)
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DataKit;

/// <summary>How to batch a data set. Reused by several trainers in this package.</summary>
public sealed record LoaderOptions
{
    public int BatchSize { get; init; } = 32;
    public bool Shuffle { get; init; } = true;
    /// <summary>Seed for reproducible runs.</summary>
    public int Seed { get; init; } = 1234;
    public Device? Device { get; init; }

    /// <summary>Creates a loader for <paramref name="dataset"/> with these options.</summary>
    public DataLoader Build(torch.utils.data.Dataset dataset) =>
        new DataLoader(dataset, BatchSize, shuffle: Shuffle, device: Device, seed: Seed); //! CMP003
}

/// <summary>Fluent helpers so callers can write <c>LoaderOptions.Default.WithBatchSize(128)</c>.</summary>
public static class LoaderOptionsExtensions
{
    public static LoaderOptions WithBatchSize(this LoaderOptions options, int batchSize) =>
        options with { BatchSize = batchSize };

    public static LoaderOptions WithSeed(this LoaderOptions options, int seed) =>
        options with { Seed = seed };

    public static LoaderOptions OnDevice(this LoaderOptions options, Device device) =>
        options with { Device = device };
}
