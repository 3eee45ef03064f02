// Scenario: toxic-comment classification ported from a PyTorch DDP script: the user adds a DistributedSampler to the training loader but keeps the single-process shuffle: true next to it, which the runtime rejects when the loader is built (wrong: CMP006 on that creation); the evaluation loader's non-shuffling DistributedSampler and the per-epoch SetEpoch are fine.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Domains.TextClassificationDdp;

public sealed record ToxicityRun(int BatchSize, int Epochs, double LearningRate, int Seed, string OutputDir);

public static class ToxicityDdp
{
    public static void Main(string[] args)
    {
        Dist.Initialize();
        var run = new ToxicityRun(BatchSize: 32, Epochs: 3, LearningRate: 2e-5, Seed: 17, OutputDir: "runs/toxicity");
        var train = ToxicityCorpus.Load("data/jigsaw/train.pt");
        var valid = ToxicityCorpus.Load("data/jigsaw/valid.pt");

        using var trainLoader = new EpochDataLoader(train, batchSize: run.BatchSize, shuffle: true, //! CMP006
            sampler: new DistributedSampler(train.Count, seed: run.Seed), dropLast: true);
        using var validLoader = new EpochDataLoader(valid, batchSize: 128,
            sampler: new DistributedSampler(valid.Count, shuffle: false));

        var model = new ToxicityClassifier(vocab: 50_265, dim: 256, labels: 6);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var optimizer = optim.AdamW(model.parameters(), lr: run.LearningRate);

        for (int epoch = 0; epoch < run.Epochs; epoch++)
        {
            Epochs.SetEpoch(trainLoader, epoch);
            model.train();
            foreach (var batch in trainLoader)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.binary_cross_entropy_with_logits(model.call(batch["input_ids"]), batch["labels"]);
                optimizer.zero_grad();
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
            }

            model.eval();
            using var sums = torch.zeros(2);
            using (torch.no_grad())
            {
                foreach (var batch in validLoader)
                {
                    var loss = nn.functional.binary_cross_entropy_with_logits(model.call(batch["input_ids"]), batch["labels"], reduction: nn.Reduction.Sum);
                    sums[0] += loss;
                    sums[1] += batch["labels"].numel();
                }
            }
            Dist.AllReduce(sums);
            if (Dist.Rank == 0)
            {
                Console.WriteLine($"epoch {epoch}: validation BCE {(sums[0] / sums[1]).item<float>():F4}");
                Directory.CreateDirectory(run.OutputDir);
                model.save(Path.Combine(run.OutputDir, $"epoch{epoch}.bin"));
            }
        }
    }
}

public sealed class ToxicityClassifier : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Embedding _embed;
    private readonly TorchSharp.Modules.Linear _head;

    public ToxicityClassifier(long vocab, long dim, long labels) : base(nameof(ToxicityClassifier))
    {
        _embed = nn.Embedding(vocab, dim, padding_idx: 1);
        _head = nn.Linear(dim, labels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor ids)
    {
        var mask = ids.ne(1).unsqueeze(-1).to_type(ScalarType.Float32);
        return _head.call((_embed.call(ids) * mask).sum(1) / mask.sum(1).clamp_min(1));
    }
}

public static class ToxicityCorpus
{
    public static InMemoryDataset Load(string path)
    {
        var ids = torch.load(path + ".ids");
        var labels = torch.load(path + ".labels");
        return new InMemoryDataset(new Dictionary<string, Tensor> { ["input_ids"] = ids, ["labels"] = labels });
    }
}
