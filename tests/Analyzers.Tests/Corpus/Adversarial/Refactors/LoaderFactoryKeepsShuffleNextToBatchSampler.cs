// Scenario: loader construction moved into LoaderFactory.CreateTrain; the class-balanced branch was copied from the shuffled one and kept shuffle: true next to its batchSampler, which EpochDataLoader rejects (wrong); batchSize from the config is not a constant and is not judged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Defects.Data;

public sealed record TrainConfig(int BatchSize, int Seed, bool ClassBalanced, int ClassesPerBatch = 8, int SamplesPerClass = 8, bool DropLast = false);

public static class LoaderFactory
{
    public static EpochDataLoader CreateTrain(InMemoryDataset data, TrainConfig cfg)
    {
        if (cfg.ClassBalanced)
        {
            long[] labels = data.Columns["label"].data<long>().ToArray();
            var pk = new ClassBalancedBatchSampler(labels, cfg.ClassesPerBatch, cfg.SamplesPerClass, seed: cfg.Seed);
            return new EpochDataLoader(data, batchSize: cfg.BatchSize, shuffle: true, batchSampler: pk); //! CMP006
        }

        return new EpochDataLoader(data, batchSize: cfg.BatchSize, shuffle: true, seed: cfg.Seed, dropLast: cfg.DropLast);
    }

    public static EpochDataLoader CreateEval(InMemoryDataset data, int batchSize = 512) =>
        new EpochDataLoader(data, batchSize: batchSize);
}

public static class DefectTraining
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset trainSet, TrainConfig cfg, int epochs)
    {
        using var train = LoaderFactory.CreateTrain(trainSet, cfg);
        using var optimizer = optim.AdamW(model.parameters(), lr: 5e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            model.train();
            foreach (var batch in train)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
