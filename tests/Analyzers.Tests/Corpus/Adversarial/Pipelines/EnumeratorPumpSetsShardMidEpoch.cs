// Scenario: a top-level data-parallel pipeline pumps batches into a channel with while (e.MoveNext()) and sets the epoch of the DistributedSampler that feeds the loader's batch sampler only once the first batch is out — one epoch late — wrong (CMP005).
using System.Threading.Channels;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
int epochs = 12;
var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.randn(8_192, 40),
    ["label"] = torch.randint(0, 5, new long[] { 8_192 }),
});

var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, shuffle: true, seed: 3);
using var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 64, dropLast: true), disposeBatches: false);

var channel = Channel.CreateBounded<Dictionary<string, Tensor>>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
var model = nn.Sequential(nn.Linear(40, 80), nn.ReLU(), nn.Linear(80, 5));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

var consumer = Task.Run(async () =>
{
    await foreach (var batch in channel.Reader.ReadAllAsync())
    {
        using (torch.NewDisposeScope())
        {
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]).backward();
            foreach (var p in model.parameters())
                if (p.grad is not null) Dist.AllReduce(p.grad);
            optimizer.step();
        }
        foreach (var t in batch.Values) t.Dispose();
    }
});

for (int epoch = 0; epoch < epochs; epoch++)
{
    await ProduceEpochAsync(epoch);
    if (Dist.Rank == 0) Console.WriteLine($"produced epoch {epoch}");
}
channel.Writer.Complete();
await consumer;

async Task ProduceEpochAsync(int epoch)
{
    using var e = loader.GetEnumerator();
    long index = 0;
    while (e.MoveNext())
    {
        if (index == 0)
            shard.SetEpoch(epoch); //! CMP005
        await channel.Writer.WriteAsync(e.Current);
        index++;
    }
}
