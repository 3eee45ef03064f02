// Scenario: a device-moving wrapper of the user's (itself a loader: it forwards Sampler and BatchSampler) forwards SetEpoch to the whole inner loader, and the loop calls the wrapper's SetEpoch every epoch: correct.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wrappers.DeviceWrapper;

public sealed class CudaLoader : IEnumerable<Dictionary<string, Tensor>>, IEpochAware
{
    private readonly EpochDataLoader _inner;
    private readonly Device _device;

    public CudaLoader(EpochDataLoader inner, Device device)
    {
        _inner = inner;
        _device = device;
    }

    public ISampler Sampler => _inner.Sampler;
    public IBatchSampler BatchSampler => _inner.BatchSampler;
    public long Count => _inner.Count;

    public void SetEpoch(int epoch) => _inner.SetEpoch(epoch);

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var batch in _inner)
            yield return batch.ToDictionary(kv => kv.Key, kv => kv.Value.to(_device));
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Pretraining
{
    public static void Run(InMemoryDataset data, Device device, Func<Dictionary<string, Tensor>, Tensor> loss, int epochs)
    {
        var shard = new DistributedSampler(data.Count, seed: 42);
        using var cpu = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 128, dropLast: true), workers: 2);
        var gpu = new CudaLoader(cpu, device);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            gpu.SetEpoch(epoch);
            long step = 0;
            foreach (var batch in gpu)
            {
                using var scope = NewDisposeScope();
                loss(batch).backward();
                if (++step % 100 == 0) Console.WriteLine($"epoch {epoch} step {step}/{gpu.Count}");
            }
        }
    }
}
