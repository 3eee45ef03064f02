// Scenario: a resumed DDP loop builds its EpochDataLoader with `sampler: new DistributedSampler(…)` (no batch sampler) and sets `((DistributedSampler)train.Sampler).SetEpoch(epoch)` each epoch; the loader batches over that very sampler, so setting its Sampler works — right
using System.Text.Json;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Tabular.Fraud;

public sealed record FraudCheckpoint(int NextEpoch, double BestAuc);

public static class FraudTraining
{
    public static void Run(InMemoryDataset transactions, string checkpointDir, int maxEpochs)
    {
        Dist.Initialize();
        using var train = new EpochDataLoader(transactions, batchSize: 512,
            sampler: new DistributedSampler(transactions.Count, seed: 2718), dropLast: true);

        var model = nn.Sequential(
            ("bn", nn.BatchNorm1d(30)),
            ("fc1", nn.Linear(30, 64)), ("relu", nn.ReLU()),
            ("fc2", nn.Linear(64, 1)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var posWeight = torch.tensor(new float[] { 25f });

        var ckptFile = Path.Combine(checkpointDir, "fraud.json");
        var ckpt = File.Exists(ckptFile)
            ? JsonSerializer.Deserialize<FraudCheckpoint>(File.ReadAllText(ckptFile))!
            : new FraudCheckpoint(0, 0);
        if (ckpt.NextEpoch > 0) model.load(Path.Combine(checkpointDir, "fraud.bin"));

        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        for (int epoch = ckpt.NextEpoch; epoch < maxEpochs; epoch++)
        {
            // Restore the shard order the interrupted run would have used for this epoch.
            ((DistributedSampler)train.Sampler).SetEpoch(epoch);

            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var logits = model.call(batch["data"]).squeeze(-1);
                var loss = nn.functional.binary_cross_entropy_with_logits(logits, batch["label"], pos_weights: posWeight);
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
            }

            if (Dist.Rank == 0)
            {
                Directory.CreateDirectory(checkpointDir);
                model.save(Path.Combine(checkpointDir, "fraud.bin"));
                File.WriteAllText(ckptFile, JsonSerializer.Serialize(ckpt with { NextEpoch = epoch + 1 }));
            }
        }
    }
}
