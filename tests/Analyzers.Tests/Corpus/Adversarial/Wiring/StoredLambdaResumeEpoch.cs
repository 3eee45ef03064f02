// Scenario: an epoch-start action stored in a local before the loop sets the loader's epoch from its parameter, but the loop calls it with the resume epoch instead of the loop's epoch (every epoch replays the resume epoch's order) — wrong, CMP004 on the setter inside the stored lambda
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.StoredLambdaResumeEpoch;

public sealed record RunConfig(int Epochs, int ResumeEpoch, double BaseLr, int Seed);

public static class DetectorTraining
{
    public static void Train(InMemoryDataset crops, nn.Module<Tensor, Tensor> model, RunConfig config)
    {
        int resumeEpoch = config.ResumeEpoch;
        var shard = new DistributedSampler(crops.Count, seed: config.Seed);
        using var train = new EpochDataLoader(crops, batchSampler: new BatchSampler(shard, 16, dropLast: true));
        using var optimizer = optim.SGD(model.parameters(), learningRate: config.BaseLr, momentum: 0.9);

        Action<int> onEpochStart = e =>
        {
            Epochs.SetEpoch(train, e); //! CMP004
            foreach (var group in optimizer.ParamGroups)
                group.LearningRate = config.BaseLr * Math.Pow(0.1, e / 8);
        };

        for (int epoch = resumeEpoch; epoch < config.Epochs; epoch++)
        {
            onEpochStart(resumeEpoch);
            model.train();
            foreach (var batch in train)
            {
                using var scope = torch.NewDisposeScope();
                var logits = model.forward(batch["data"]);
                var loss = nn.functional.binary_cross_entropy_with_logits(logits, batch["label"].to_type(ScalarType.Float32));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch} done ({train.Count} batches on rank {shard.Rank})");
        }
    }

    public static void Main()
    {
        var crops = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(1024, 48),
            ["label"] = torch.randint(0, 2, new long[] { 1024, 6 }, dtype: ScalarType.Int64),
        });
        var model = nn.Sequential(nn.Linear(48, 96), nn.ReLU(), nn.Linear(96, 6));
        Train(crops, model, new RunConfig(Epochs: 24, ResumeEpoch: 10, BaseLr: 0.02, Seed: 7));
    }
}
