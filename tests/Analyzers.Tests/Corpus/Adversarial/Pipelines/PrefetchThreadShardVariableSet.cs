// Scenario: a dedicated prefetch thread iterates a loader built from BatchSampler(shard) and sets the epoch on the shard DistributedSampler variable (not on loader.Sampler) before each epoch — right, the batch sampler draws from that very sampler.
using System.Collections.Concurrent;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Datum.Audio.Pipeline;

public sealed class ShardPrefetcher : IDisposable
{
    private readonly DistributedSampler _shard;
    private readonly EpochDataLoader _loader;
    private readonly BlockingCollection<(int Epoch, Dictionary<string, Tensor> Batch)> _ready = new(boundedCapacity: 4);
    private readonly Thread _thread;
    private readonly int _epochs;
    private readonly CancellationToken _ct;

    public ShardPrefetcher(InMemoryDataset clips, int epochs, CancellationToken ct)
    {
        _shard = new DistributedSampler(clips.Count, Dist.WorldSize, Dist.Rank, seed: 77, dropLast: true);
        _loader = new EpochDataLoader(clips, batchSampler: new BatchSampler(_shard, 32, dropLast: true), disposeBatches: false);
        _epochs = epochs;
        _ct = ct;
        _thread = new Thread(Run) { IsBackground = true, Name = $"prefetch-rank{Dist.Rank}" };
    }

    public IEnumerable<(int Epoch, Dictionary<string, Tensor> Batch)> Batches => _ready.GetConsumingEnumerable(_ct);

    public void Start() => _thread.Start();

    private void Run()
    {
        try
        {
            for (int epoch = 0; epoch < _epochs; epoch++)
            {
                _shard.SetEpoch(epoch);
                foreach (var batch in _loader)
                    _ready.Add((epoch, batch), _ct);
                Console.WriteLine($"[rank {Dist.Rank}] queued epoch {epoch}: {_loader.BatchSampler.Count} batches");
            }
        }
        catch (OperationCanceledException) { }
        finally
        {
            _ready.CompleteAdding();
        }
    }

    public void Dispose()
    {
        _thread.Join(TimeSpan.FromSeconds(5));
        _ready.Dispose();
        _loader.Dispose();
    }
}

public static class ShardTraining
{
    public static void Train(ShardPrefetcher prefetcher, nn.Module<Tensor, Tensor> model)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 3e-4);
        prefetcher.Start();
        foreach (var (epoch, batch) in prefetcher.Batches)
        {
            using (torch.NewDisposeScope())
            {
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.call(batch["mel"]), batch["label"]).backward();
                optimizer.step();
            }
            foreach (var t in batch.Values) t.Dispose();
        }
    }
}
