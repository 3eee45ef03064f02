// Scenario: a DI-style data module receives a settings record and builds TorchSharp loaders in its constructor: train with `shuffle: true, seed: settings.Seed` (wrong: same order every epoch), validation with `shuffle: false` (fine). CMP003: "Outside every loop, any seed is fixed for the loader's life: … `options.Seed`"; "`shuffle: false`" is not flagged.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Blind14.DataModuleTorchLoader;

public sealed record DataSettings(int BatchSize, int EvalBatchSize, int Seed);

public sealed class ImageDataModule : IDisposable
{
    public ImageDataModule(DataSettings settings, InMemoryDataset train, InMemoryDataset val)
    {
        Train = new DataLoader(train, settings.BatchSize, shuffle: true, seed: settings.Seed); //! CMP003
        Val = new DataLoader(val, settings.EvalBatchSize, shuffle: false, seed: settings.Seed);
    }

    public DataLoader Train { get; }
    public DataLoader Val { get; }

    public void Dispose()
    {
        Train.Dispose();
        Val.Dispose();
    }
}

public static class ServiceSetup
{
    public static Func<InMemoryDataset, InMemoryDataset, ImageDataModule> Register(DataSettings settings) =>
        (train, val) => new ImageDataModule(settings, train, val);
}
