// Scenario: a producer rebuilds TorchSharp's shuffling DataLoader for every epoch through a per-epoch factory whose seed is baseSeed + epoch, and evaluates with a non-shuffling loader — right, each epoch gets a new order.
using System.Threading.Channels;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Proseware.Recsys;

public sealed class ReseedingProducer(torch.utils.data.Dataset train, torch.utils.data.Dataset holdout, int baseSeed)
{
    public const int BatchSize = 256;

    private DataLoader ForEpoch(int epoch) =>
        new DataLoader(train, BatchSize, shuffle: true, seed: baseSeed + epoch, disposeDataset: false);

    public async Task ProduceAsync(ChannelWriter<(int Epoch, Dictionary<string, Tensor> Batch)> writer, int epochs, CancellationToken ct)
    {
        try
        {
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                using var loader = ForEpoch(epoch);
                foreach (var batch in loader)
                {
                    var owned = batch.ToDictionary(kv => kv.Key, kv => kv.Value.clone());
                    await writer.WriteAsync((epoch, owned), ct);
                }
            }
        }
        finally
        {
            writer.Complete();
        }
    }

    public double Evaluate(nn.Module<Tensor, Tensor> model)
    {
        using var eval = new DataLoader(holdout, BatchSize, shuffle: false, disposeDataset: false);
        using var _ = torch.no_grad();
        double squared = 0;
        long count = 0;
        foreach (var batch in eval)
        {
            using var scope = torch.NewDisposeScope();
            var err = model.call(batch["user_item"]).squeeze(-1) - batch["rating"];
            squared += err.pow(2).sum().item<float>();
            count += err.shape[0];
        }
        return Math.Sqrt(squared / Math.Max(1, count));
    }
}
