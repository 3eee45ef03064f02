// Scenario: TorchSharp DataLoaders with shuffle and a seed built in helpers: a seed parameter of a helper and a seed stored by a device-feeder wrapper's constructor are fixed (bugs, CMP003); a per-epoch factory seeded from its `epoch` parameter and an unshuffled eval loader are fine.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Wrappers.TorchSharpHelpers;

public static class Loaders
{
    public static DataLoader Train(torch.utils.data.Dataset data, int seed) => new DataLoader(data, 128, shuffle: true, seed: seed); //! CMP003

    public static DataLoader ForEpoch(torch.utils.data.Dataset data, int epoch) => new DataLoader(data, 128, shuffle: true, seed: 1000 + epoch, disposeDataset: false);

    public static DataLoader Eval(torch.utils.data.Dataset data) => new DataLoader(data, 512, shuffle: false, seed: 0, disposeDataset: false);
}

public sealed class DeviceFeeder : IDisposable
{
    private readonly DataLoader _loader;
    private readonly Device _device;

    public DeviceFeeder(torch.utils.data.Dataset data, int batchSize, bool shuffle, int seed, Device device)
    {
        _device = device;
        _loader = torch.utils.data.DataLoader(data, batchSize, shuffle, device, seed); //! CMP003
    }

    public IEnumerable<Dictionary<string, Tensor>> Batches()
    {
        foreach (var batch in _loader) yield return batch;
    }

    public void Dispose() => _loader.Dispose();
}

public static class Fit
{
    public static void Run(torch.utils.data.Dataset train, torch.utils.data.Dataset valid, Action<Dictionary<string, Tensor>> step, int epochs)
    {
        using var eval = Loaders.Eval(valid);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var loader = Loaders.ForEpoch(train, epoch);
            foreach (var batch in loader) step(batch);
            foreach (var batch in eval) { }
        }
    }
}
