// Scenario: a top-level async training script with Ctrl+C graceful shutdown (CancellationTokenSource, try/finally saving the last weights) builds its loader with both a DistributedSampler and shuffle: true; the runtime throws ArgumentException when the loader is built — wrong (CMP006). The epoch is set every epoch.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;               // let the loop finish the current batch
    cts.Cancel();
};

int epochs = int.TryParse(Environment.GetEnvironmentVariable("EPOCHS"), out var n) ? n : 20;
using var data = new FashionMnist(train: true);
var shard = new DistributedSampler(data.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 8);
using var train = new EpochDataLoader(data, batchSize: 128, shuffle: true, sampler: shard, workers: 2); //! CMP006

using var model = nn.Sequential(
    ("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 512)), ("relu", nn.ReLU()), ("fc2", nn.Linear(512, 10)));
using var optimizer = optim.Adam(model.parameters(), 1e-3);

int completed = 0;
try
{
    for (int epoch = 0; epoch < epochs; epoch++)
    {
        train.SetEpoch(epoch);
        foreach (var batch in train)
        {
            cts.Token.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
        }
        completed = epoch + 1;
        await Console.Out.WriteLineAsync($"epoch {epoch} finished");
        await Task.Delay(100, cts.Token);
    }
}
catch (OperationCanceledException)
{
    Console.WriteLine($"stopping after {completed} epochs");
}
finally
{
    model.save($"fmnist-rank{Dist.Rank}-last.bin");
}
