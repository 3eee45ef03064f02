// Scenario: a producer Task prefetches sharded batches into a Channel, one epoch after another, and calls Epochs.SetEpoch(loader, epoch) before enumerating each epoch; the consumer trains until the end-of-epoch marker — right, no diagnostic.
using System.Threading.Channels;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Churn.Training;

/// <summary>One message on the prefetch channel: a batch, or the end of an epoch.</summary>
public readonly record struct Prefetched(Dictionary<string, Tensor>? Batch, int Epoch)
{
    public bool EndOfEpoch => Batch is null;
}

public sealed class ChurnTrainer
{
    private readonly InMemoryDataset _data;
    private readonly nn.Module<Tensor, Tensor> _model;

    public ChurnTrainer(Tensor features, Tensor labels)
    {
        _data = new InMemoryDataset(new Dictionary<string, Tensor> { ["features"] = features, ["label"] = labels });
        _model = nn.Sequential(
            ("in", nn.Linear(features.shape[1], 64)),
            ("act", nn.GELU()),
            ("drop", nn.Dropout(0.1)),
            ("out", nn.Linear(64, 2)));
    }

    public async Task RunAsync(int epochs, CancellationToken ct)
    {
        var shard = new DistributedSampler(_data.Count, seed: 2024);
        using var loader = new EpochDataLoader(_data, batchSize: 256, sampler: shard, disposeBatches: false);
        using var optimizer = optim.AdamW(_model.parameters(), lr: 3e-4, weight_decay: 0.01);

        var queue = Channel.CreateBounded<Prefetched>(16);

        var producer = Task.Run(async () =>
        {
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                ct.ThrowIfCancellationRequested();
                Epochs.SetEpoch(loader, epoch);            // new shard order before this epoch's first batch
                foreach (var batch in loader)
                    await queue.Writer.WriteAsync(new Prefetched(batch, epoch), ct);
                await queue.Writer.WriteAsync(new Prefetched(null, epoch), ct);
            }
            queue.Writer.TryComplete();
        }, ct);

        _model.train();
        var reader = queue.Reader;
        double epochLoss = 0;
        int batches = 0;
        while (await reader.WaitToReadAsync(ct))
        {
            while (reader.TryRead(out var item))
            {
                if (item.EndOfEpoch)
                {
                    if (Dist.Rank == 0)
                        Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] epoch {item.Epoch}: loss {epochLoss / Math.Max(batches, 1):F4}");
                    epochLoss = 0;
                    batches = 0;
                    continue;
                }

                using var scope = NewDisposeScope();
                var batch = item.Batch!;
                optimizer.zero_grad();
                var logits = _model.forward(batch["features"]);
                var loss = nn.functional.cross_entropy(logits, batch["label"]);
                loss.backward();
                optimizer.step();
                epochLoss += loss.item<float>();
                batches++;
                foreach (var t in batch.Values) t.Dispose();
            }
        }

        await producer;
    }
}
