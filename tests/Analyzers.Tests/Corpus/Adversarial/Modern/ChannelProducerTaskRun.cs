// Scenario: a producer/consumer pipeline — each epoch a Task.Run producer enumerates the shuffling loader into a bounded Channel while the training loop consumes it with await foreach; nothing ever sets the loader's epoch, so every epoch replays the same order (CMP002 on the producer's iteration).
using System.Threading.Channels;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Modern.Pipelines;

public static class ChannelTraining
{
    public static async Task TrainAsync(InMemoryDataset data, int epochs, CancellationToken ct = default)
    {
        // batches outlive the producer's MoveNext, so the loader must not dispose them
        using var train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 7, disposeBatches: false);

        var model = Sequential(("fc1", Linear(20, 64)), ("act", ReLU()), ("fc2", Linear(64, 2)));
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.05, momentum: 0.9);

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var channel = Channel.CreateBounded<Dictionary<string, Tensor>>(new BoundedChannelOptions(capacity: 8)
            {
                SingleReader = true,
                SingleWriter = true,
                FullMode = BoundedChannelFullMode.Wait,
            });

            var producer = Task.Run(async () =>
            {
                try
                {
                    foreach (var batch in train) //! CMP002
                        await channel.Writer.WriteAsync(batch, ct);
                }
                finally
                {
                    channel.Writer.TryComplete();
                }
            }, ct);

            var (seen, lossSum) = (0, 0.0);
            await foreach (var batch in channel.Reader.ReadAllAsync(ct))
            {
                using (var scope = NewDisposeScope())
                {
                    optimizer.zero_grad();
                    var loss = functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                    lossSum += loss.item<float>();
                }
                foreach (var tensor in batch.Values) tensor.Dispose();
                seen++;
            }
            await producer;

            Console.WriteLine($"epoch {epoch}: {seen} batches, mean loss {lossSum / Math.Max(seen, 1):F4}");
        }
    }
}
