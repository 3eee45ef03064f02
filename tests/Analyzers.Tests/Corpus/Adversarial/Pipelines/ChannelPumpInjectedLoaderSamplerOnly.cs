// Scenario: a reusable Channel pump receives its EpochDataLoader from the caller and reshuffles by setting the epoch on loader.Sampler only; a loader built with a batch sampler ignores that, as in Composer's bug — wrong (CMP001).
using System.Threading.Channels;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Fourthcoffee.DataPlatform.Streaming;

public sealed class LoaderPump(EpochDataLoader loader, ChannelWriter<Dictionary<string, Tensor>> writer)
{
    public int EpochsCompleted { get; private set; }

    public async Task PumpAsync(int firstEpoch, int epochs, CancellationToken ct)
    {
        try
        {
            for (int epoch = firstEpoch; epoch < epochs; epoch++)
            {
                (loader.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001

                long sent = 0;
                foreach (var batch in loader)
                {
                    var copy = new Dictionary<string, Tensor>(batch.Count);
                    foreach (var (name, tensor) in batch) copy[name] = tensor.detach().clone();
                    await writer.WriteAsync(copy, ct);
                    sent++;
                }

                EpochsCompleted++;
                Console.WriteLine($"pump: epoch {epoch} sent {sent}/{loader.Count} batches");
            }
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
            throw;
        }
    }
}

public static class PumpExtensions
{
    public static ChannelReader<Dictionary<string, Tensor>> StartPump(
        this EpochDataLoader loader, int epochs, CancellationToken ct, out Task pumpTask)
    {
        var channel = Channel.CreateBounded<Dictionary<string, Tensor>>(new BoundedChannelOptions(16)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var pump = new LoaderPump(loader, channel.Writer);
        pumpTask = Task.Run(() => pump.PumpAsync(0, epochs, ct), ct);
        return channel.Reader;
    }
}
