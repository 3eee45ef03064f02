// Scenario: a Lightning-style data module builds six loaders; the train loader passes the class's `const int BatchSize = 48` next to its P×K batch sampler, which the runtime rejects (CMP006), and a legacy TorchSharp loader kept for comparison shuffles with the seed its caller passes (CMP003); the others are near misses: batchSize 1, a static readonly size, dropLast: false, shuffle from a parameter beside a sampler, sampler: null.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.DataModules;

public sealed class RetrievalDataModule
{
    private const int BatchSize = 48;
    private static readonly int EvalBatch = 256;

    private readonly InMemoryDataset _train;
    private readonly InMemoryDataset _val;
    private readonly ClassBalancedBatchSampler _pk;
    private readonly BatchSampler _valBatches;
    private readonly ISampler _testOrder;

    public RetrievalDataModule(int classes, int perClass, int seed)
    {
        var labels = new List<long>(classes * perClass);
        for (int c = 0; c < classes; c++)
            for (int k = 0; k < perClass; k++) labels.Add(c);
        _train = Make(labels);
        _val = Make(labels.Where((_, i) => i % 5 == 0).ToList());
        _pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 12, samplesPerClass: 4, seed: seed);
        _valBatches = new BatchSampler(new SequentialSampler(_val.Count), EvalBatch);
        _testOrder = new SequentialSampler(_val.Count);
    }

    private static InMemoryDataset Make(List<long> labels)
    {
        var index = torch.tensor(labels.ToArray());
        var centers = torch.randn(labels.Max() + 1, 24);
        return new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = centers.index_select(0, index) + 0.5 * torch.randn(labels.Count, 24),
            ["label"] = index,
        });
    }

    public EpochDataLoader TrainDataLoader() =>
        new EpochDataLoader(_train, batchSize: BatchSize, batchSampler: _pk); //! CMP006

    public EpochDataLoader ProbeDataLoader() =>
        new EpochDataLoader(_train, batchSize: 1, batchSampler: new BatchSampler(new SequentialSampler(64), 64));

    public EpochDataLoader ValDataLoader() =>
        new EpochDataLoader(_val, batchSize: EvalBatch, batchSampler: _valBatches, dropLast: false);

    public EpochDataLoader TestDataLoader(bool shuffle) =>
        new EpochDataLoader(_val, EvalBatch, shuffle, _testOrder);

    public EpochDataLoader ExportDataLoader() =>
        new EpochDataLoader(_val, batchSize: 512, sampler: null, shuffle: false);

    /// <summary>The TorchSharp loader the team used before, kept to compare accuracy.</summary>
    public TorchSharp.Modules.DataLoader LegacyTrainLoader(int seed) =>
        torch.utils.data.DataLoader(_train, 64, true, null, seed); //! CMP003
}

public static class RetrievalFit
{
    public static double MeanAveragePrecision(Tensor z, long[] labels)
    {
        var sim = z.matmul(z.t()).data<float>().ToArray();
        int n = labels.Length;
        double total = 0;
        for (int q = 0; q < n; q++)
        {
            var ranked = Enumerable.Range(0, n).Where(i => i != q).OrderByDescending(i => sim[q * n + i]).ToArray();
            int hits = 0;
            double precisionSum = 0;
            for (int r = 0; r < ranked.Length; r++)
            {
                if (labels[ranked[r]] != labels[q]) continue;
                hits++;
                precisionSum += hits / (double)(r + 1);
            }
            total += hits == 0 ? 0 : precisionSum / hits;
        }
        return total / Math.Max(1, n);
    }

    public static void Main()
    {
        var module = new RetrievalDataModule(classes: 40, perClass: 16, seed: 2);
        var train = module.TrainDataLoader();
        var val = module.ValDataLoader();
        var embed = nn.Sequential(("fc1", nn.Linear(24, 64)), ("act", nn.ReLU()), ("fc2", nn.Linear(64, 16)));
        var optimizer = optim.Adam(embed.parameters(), 1e-3);

        for (int epoch = 0; epoch < 5; epoch++)
        {
            train.SetEpoch(epoch);
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                var z = nn.functional.normalize(embed.forward(batch["data"]), p: 2, dim: 1);
                var same = batch["label"].unsqueeze(0).eq(batch["label"].unsqueeze(1)).to(ScalarType.Float32);
                using var loss = nn.functional.binary_cross_entropy_with_logits(z.matmul(z.t()) * 4, same);
                loss.backward();
                optimizer.step();
            }
        }

        using var _ = torch.no_grad();
        var first = val.First();
        var emb = nn.functional.normalize(embed.forward(first["data"]), p: 2, dim: 1);
        Console.WriteLine($"mAP {MeanAveragePrecision(emb, first["label"].data<long>().ToArray()):F3}");
    }
}
