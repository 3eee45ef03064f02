// Scenario: a Channel producer rebuilds TorchSharp's shuffling DataLoader at the start of every epoch "to reshuffle", but always with the configured seed, so each rebuilt loader yields the same order — wrong (CMP003).
using System.Threading.Channels;
using TorchSharp;
using static TorchSharp.torch;

namespace Humongous.Ads.Ctr;

public sealed class CtrPipelineOptions
{
    public int BatchSize { get; set; } = 1024;
    public int Seed { get; set; } = 2718;
    public int Epochs { get; set; } = 8;
    public int Capacity { get; set; } = 32;
}

public sealed class CtrBatchProducer(torch.utils.data.Dataset impressions, CtrPipelineOptions options)
{
    public ChannelReader<Dictionary<string, Tensor>> Start(CancellationToken ct, out Task completion)
    {
        var channel = Channel.CreateBounded<Dictionary<string, Tensor>>(options.Capacity);
        completion = Task.Run(() => ProduceAsync(channel.Writer, ct), ct);
        return channel.Reader;
    }

    private async Task ProduceAsync(ChannelWriter<Dictionary<string, Tensor>> writer, CancellationToken ct)
    {
        try
        {
            for (int epoch = 0; epoch < options.Epochs; epoch++)
            {
                using var loader = torch.utils.data.DataLoader(impressions, options.BatchSize, shuffle: true, seed: options.Seed, disposeDataset: false); //! CMP003
                long count = 0;
                foreach (var batch in loader)
                {
                    var owned = new Dictionary<string, Tensor>
                    {
                        ["features"] = batch["features"].clone(),
                        ["clicked"] = batch["clicked"].clone(),
                    };
                    await writer.WriteAsync(owned, ct);
                    count++;
                }
                Console.WriteLine($"epoch {epoch}: produced {count} batches");
            }
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
        }
    }
}
