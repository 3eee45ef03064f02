// Scenario: a top-level program runs a Channel producer/consumer pipeline per epoch; the producer is a `static` local function that enumerates the loader it is given, and the loop calls `Epochs.SetEpoch(train, epoch)` before starting it — correct, nothing to report.
using System.Threading.Channels;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

using var cts = new CancellationTokenSource(TimeSpan.FromHours(2));
var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(16_384, 24),
    ["label"] = randint(0, 4, [16_384], dtype: ScalarType.Int64),
});

// the consumer disposes the batches, so the loader must hand them over
using var train = new EpochDataLoader(data, batchSize: 256, shuffle: true, seed: 2718, disposeBatches: false);

var model = Sequential(("fc1", Linear(24, 96)), ("act", SiLU()), ("fc2", Linear(96, 4)));
var optimizer = optim.RMSProp(model.parameters(), lr: 1e-3);

for (var epoch = 0; epoch < 8; epoch++)
{
    Epochs.SetEpoch(train, epoch);

    var channel = Channel.CreateBounded<Dictionary<string, Tensor>>(4);
    var producer = ProduceAsync(train, channel.Writer, cts.Token);

    var steps = 0;
    await foreach (var batch in channel.Reader.ReadAllAsync(cts.Token))
    {
        using (NewDisposeScope())
        {
            optimizer.zero_grad();
            functional.cross_entropy(model.call(batch["data"]), batch["label"]).backward();
            optimizer.step();
        }
        foreach (var column in batch.Values) column.Dispose();
        steps++;
    }
    await producer;
    Console.WriteLine($"epoch {epoch}: {steps} steps");
}

static async Task ProduceAsync(EpochDataLoader loader, ChannelWriter<Dictionary<string, Tensor>> writer, CancellationToken ct)
{
    try
    {
        foreach (var batch in loader)
            await writer.WriteAsync(batch, ct);
        writer.Complete();
    }
    catch (Exception ex)
    {
        writer.Complete(ex);
    }
}
