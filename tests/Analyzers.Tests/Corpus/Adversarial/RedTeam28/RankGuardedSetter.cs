// Scenario: Data-parallel loaders over DistributedSampler(numReplicas: Dist.WorldSize, rank: Dist.Rank): guarded set only under `if (Dist.Rank == 0)`, logged set in a local function BeginEpoch whose body tests the rank, everyRank set on every rank. Run with OMPI_COMM_WORLD_SIZE=2: on rank 1 guarded and logged repeat, everyRank differs; on rank 0 (and on 1 process) all differ. CMP002 on guarded; logged is silent, a documented limit (CMP002.md line 106).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Rt28.S11;

public static class Scenario
{
    public static void Run()
    {
        var rec = new Orders();
        var data = Orders.Data(48);
        var guarded = new EpochDataLoader(data, batchSize: 6,
            sampler: new DistributedSampler(data.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 17));
        var everyRank = new EpochDataLoader(data, batchSize: 6,
            sampler: new DistributedSampler(data.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 17));

        var logged = new EpochDataLoader(data, batchSize: 6,
            sampler: new DistributedSampler(data.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 17));
        void BeginEpoch(int e)
        {
            if (Dist.Rank == 0) logged.SetEpoch(e); // "only the logging rank needs it"
        }

        for (int epoch = 0; epoch < 3; epoch++)
        {
            BeginEpoch(epoch);
            if (Dist.Rank == 0)
            {
                Console.WriteLine($"  [rank 0] epoch {epoch}");
                guarded.SetEpoch(epoch);
            }
            everyRank.SetEpoch(epoch);
            foreach (var batch in guarded) rec.Add($"guarded (rank {Dist.Rank} of {Dist.WorldSize})", epoch, batch); //! CMP002
            foreach (var batch in logged) rec.Add($"logged (rank {Dist.Rank} of {Dist.WorldSize}, rank test inside BeginEpoch)", epoch, batch);
            foreach (var batch in everyRank) rec.Add($"everyRank (rank {Dist.Rank} of {Dist.WorldSize})", epoch, batch);
        }
        rec.Report();
    }
}

sealed class Orders
{
    private readonly Dictionary<string, SortedDictionary<int, List<long>>> _seen = new();

    public static InMemoryDataset Data(int n) => new(new Dictionary<string, Tensor>
    {
        ["index"] = torch.arange(n, dtype: ScalarType.Int64),
        ["x"] = torch.randn(n, 4),
        ["label"] = torch.arange(n, dtype: ScalarType.Int64) % 4,
    });

    public static List<long> Labels(int n) => Enumerable.Range(0, n).Select(i => (long)(i % 4)).ToList();

    public void Add(string name, int epoch, Dictionary<string, Tensor> batch)
    {
        if (!_seen.TryGetValue(name, out var epochs)) _seen[name] = epochs = new();
        if (!epochs.TryGetValue(epoch, out var order)) epochs[epoch] = order = new();
        order.AddRange(batch["index"].data<long>().ToArray());
    }

    public void Report()
    {
        foreach (var (name, epochs) in _seen)
        {
            var keys = epochs.Keys.ToList();
            var same = new List<string>();
            for (int a = 0; a < keys.Count; a++)
                for (int b = a + 1; b < keys.Count; b++)
                    if (epochs[keys[a]].SequenceEqual(epochs[keys[b]])) same.Add($"{keys[a]}={keys[b]}");
            Console.WriteLine($"  {name}: {keys.Count} epochs, {(same.Count == 0 ? "all orders DIFFER" : "REPEATS " + string.Join(" ", same))}; epoch 0 starts {string.Join(",", epochs[keys[0]].Take(8))}");
        }
    }
}
