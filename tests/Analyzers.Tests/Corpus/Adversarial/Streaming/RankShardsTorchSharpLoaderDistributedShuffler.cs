// Scenario: each rank reads its share of a lazily decoded document set through TorchSharp's DataLoader given a DistributedSampler as its shuffler, and the epoch loop calls Epochs.SetEpoch(train, epoch) first — right: the shuffler is epoch-aware and told every epoch.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Docs.Classifier;

/// <summary>One UTF-8 text file per document, hashed into a bag of BucketCount token buckets when read.</summary>
public sealed class HashedDocuments : torch.utils.data.Dataset
{
    public const int BucketCount = 1 << 14;
    readonly (string File, long Label)[] _docs;

    public HashedDocuments(string manifest)
    {
        _docs = File.ReadLines(manifest)
            .Select(line => line.Split('\t'))
            .Select(p => (p[0], long.Parse(p[1])))
            .ToArray();
    }

    public override long Count => _docs.Length;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var (file, label) = _docs[index];
        var counts = new float[BucketCount];
        foreach (var word in File.ReadAllText(file).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            counts[Fnv1a(word.ToLowerInvariant()) % BucketCount] += 1;
        return new() { ["data"] = torch.tensor(counts).log1p_(), ["label"] = torch.tensor(label) };
    }

    // string.GetHashCode differs between processes; every rank must hash alike
    static uint Fnv1a(string word)
    {
        var hash = 2166136261u;
        foreach (var c in word) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}

public static class DistributedDocTraining
{
    public static void Run(string manifest, int classes, int epochs)
    {
        Dist.Initialize();
        using var docs = new HashedDocuments(manifest);
        var shard = new DistributedSampler(docs.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 31);
        // TorchSharp's loader counts batches from the data set, not the shard: take the count from the sampler
        using var train = new DataLoader(docs, 64, shard, num_worker: 2);
        var batchesPerRank = (shard.Count + 63) / 64;

        var model = nn.Sequential(
            ("fc1", nn.Linear(HashedDocuments.BucketCount, 256)),
            ("relu", nn.ReLU()),
            ("drop", nn.Dropout(0.2)),
            ("fc2", nn.Linear(256, classes)));
        var optimizer = optim.Adam(model.parameters(), 1e-3);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(train, epoch);
            double total = 0;
            foreach (var batch in train)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
                total += loss.item<float>();
            }
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: {total / batchesPerRank:F4}");
        }
    }
}
