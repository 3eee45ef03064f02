using System.Collections;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Data;

/// <summary>
/// Another loader's batches, put on a device as they are yielded: how a trainer gets its batches on its device from a loader
/// that does not say it puts them there (<see cref="IDataLoader{TBatch}.Device"/>). Tensors already on the device pass as they
/// are; the copies belong to this loader and are disposed when the next batch is fetched or the enumeration ends, as an
/// <see cref="EpochDataLoader"/> disposes its own batches.
/// </summary>
/// <remarks>The copy runs on the thread that enumerates. A loader built with the trainer's device moves its batches itself, on
/// its loading thread when it prefetches, so the copy overlaps the step; this one is the fallback.</remarks>
internal sealed class DeviceLoader : IDataLoader<Dictionary<string, Tensor>>
{
    private readonly IDataLoader<Dictionary<string, Tensor>> _loader;

    private DeviceLoader(IDataLoader<Dictionary<string, Tensor>> loader, Device device)
    {
        _loader = loader;
        Device = device;
    }

    /// <summary><paramref name="loader"/> itself when it says it puts its batches on <paramref name="device"/>, otherwise its batches moved there.</summary>
    public static IDataLoader<Dictionary<string, Tensor>> On(IDataLoader<Dictionary<string, Tensor>> loader, Device device)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(device);
        return loader.Device is { } own && Same(own, device) ? loader : new DeviceLoader(loader, device);
    }

    /// <inheritdoc />
    public Device Device { get; }

    /// <inheritdoc />
    public long? Count => _loader.Count;

    /// <inheritdoc />
    public IBatchSampler? BatchSampler => _loader.BatchSampler;

    /// <inheritdoc />
    public long? DatasetLength => _loader.DatasetLength;

    /// <inheritdoc />
    public void SetEpoch(int epoch) => _loader.SetEpoch(epoch);

    /// <inheritdoc />
    public IEnumerable<Dictionary<string, Tensor>> IterateFrom(long firstBatch) => Moved(_loader.IterateFrom(firstBatch));

    /// <inheritdoc />
    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() => Moved(_loader).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether tensors on <paramref name="a"/> are on <paramref name="b"/>: the same type and, off the CPU, the same index.</summary>
    private static bool Same(Device a, Device b) => a.type == b.type && (a.type == DeviceType.CPU || a.index == b.index);

    private IEnumerable<Dictionary<string, Tensor>> Moved(IEnumerable<Dictionary<string, Tensor>> batches)
    {
        var copies = new List<Tensor>();
        try
        {
            foreach (var batch in batches)
            {
                DisposeAll(copies);
                if (batch.Values.All(t => Same(t.device, Device)))
                {
                    yield return batch;
                    continue;
                }

                var moved = new Dictionary<string, Tensor>(batch.Count);
                foreach (var (key, tensor) in batch)
                {
                    if (Same(tensor.device, Device))
                    {
                        moved[key] = tensor;
                    }
                    else
                    {
                        var copy = tensor.to(Device);
                        copies.Add(copy);
                        moved[key] = copy;
                    }
                }

                yield return moved;
            }
        }
        finally
        {
            DisposeAll(copies);
        }
    }

    private static void DisposeAll(List<Tensor> tensors)
    {
        foreach (var tensor in tensors)
        {
            tensor.Dispose();
        }

        tensors.Clear();
    }
}
