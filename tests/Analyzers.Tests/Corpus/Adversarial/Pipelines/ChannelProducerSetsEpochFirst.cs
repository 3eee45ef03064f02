// Scenario: a top-level Channel pipeline whose producer task calls train.SetEpoch(epoch) before iterating the shuffling loader each epoch, while the consumer trains from the channel — right, nothing to report.
using System.Threading.Channels;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

int epochs = args.Length > 0 ? int.Parse(args[0]) : 5;
int startEpoch = args.Length > 1 ? int.Parse(args[1]) : 0;
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };

var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.randn(4096, 16),
    ["label"] = torch.randint(0, 4, new long[] { 4096 }),
});
using var train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 7, disposeBatches: false, prefetch: true);

var channel = Channel.CreateBounded<(int Epoch, Dictionary<string, Tensor> Batch)>(
    new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });

var producer = Task.Run(async () =>
{
    try
    {
        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            foreach (var batch in train)
                await channel.Writer.WriteAsync((epoch, batch), cts.Token);
        }
    }
    finally
    {
        channel.Writer.Complete();
    }
}, cts.Token);

var model = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 4));
var optimizer = optim.SGD(model.parameters(), learningRate: 0.05, momentum: 0.9);
var lossFn = nn.CrossEntropyLoss();
int lastEpoch = -1;
double epochLoss = 0;
int epochBatches = 0;

await foreach (var (epoch, batch) in channel.Reader.ReadAllAsync(cts.Token))
{
    if (epoch != lastEpoch && lastEpoch >= 0)
    {
        Console.WriteLine($"epoch {lastEpoch}: mean loss {epochLoss / epochBatches:F4}");
        epochLoss = 0;
        epochBatches = 0;
    }
    lastEpoch = epoch;

    using (torch.NewDisposeScope())
    {
        optimizer.zero_grad();
        var loss = lossFn.call(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        epochLoss += loss.item<float>();
        epochBatches++;
    }
    foreach (var t in batch.Values) t.Dispose();
}

await producer;
Console.WriteLine($"epoch {lastEpoch}: mean loss {epochLoss / Math.Max(1, epochBatches):F4}");
