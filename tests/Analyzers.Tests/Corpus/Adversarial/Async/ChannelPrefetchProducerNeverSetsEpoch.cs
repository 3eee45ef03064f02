// Scenario: a background Task fills a bounded Channel with the next batches of a shuffled EpochDataLoader while the GPU trains on the current ones; the producer's epoch loop never sets the loader's epoch, so every epoch replays epoch 0's order — wrong (CMP002).
using System.Threading.Channels;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionLab.Training;

public sealed record PrefetchedBatch(int Epoch, Tensor Data, Tensor Label);

public static class PrefetchingTrainer
{
    public static async Task TrainAsync(int epochs, CancellationToken ct)
    {
        using var data = new FashionMnist(train: true);
        // disposeBatches: false — the consumer owns each batch once it leaves the channel
        using var train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 1234, disposeBatches: false);

        var device = cuda.is_available() ? CUDA : CPU;
        using var model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(784, 256)),
            ("relu", nn.ReLU()),
            ("fc2", nn.Linear(256, 10))).to(device);
        using var optimizer = optim.Adam(model.parameters(), 1e-3);

        var channel = Channel.CreateBounded<PrefetchedBatch>(new BoundedChannelOptions(8)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        // Producer: reads ahead, up to 8 batches, across epoch boundaries.
        var producer = Task.Run(async () =>
        {
            try
            {
                for (int epoch = 0; epoch < epochs; epoch++)
                {
                    foreach (var batch in train) //! CMP002
                    {
                        var x = batch["data"].to(device);
                        var y = batch["label"].to(device);
                        batch["data"].Dispose();
                        batch["label"].Dispose();
                        await channel.Writer.WriteAsync(new PrefetchedBatch(epoch, x, y), ct);
                    }
                }
                channel.Writer.Complete();
            }
            catch (Exception ex)
            {
                channel.Writer.Complete(ex);
            }
        }, ct);

        model.train();
        int lastEpoch = -1;
        double lossSum = 0;
        long steps = 0;
        await foreach (var item in channel.Reader.ReadAllAsync(ct))
        {
            if (item.Epoch != lastEpoch && lastEpoch >= 0)
            {
                Console.WriteLine($"epoch {lastEpoch}: mean loss {lossSum / Math.Max(1, steps):F4}");
                lossSum = 0;
                steps = 0;
            }
            lastEpoch = item.Epoch;

            using (var scope = NewDisposeScope())
            {
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(item.Data), item.Label);
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>();
                steps++;
            }
            item.Data.Dispose();
            item.Label.Dispose();
        }

        await producer;
        Console.WriteLine($"epoch {lastEpoch}: mean loss {lossSum / Math.Max(1, steps):F4}");
    }
}
