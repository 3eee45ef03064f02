// Scenario: a time-budgeted async job trains `while (stopwatch.Elapsed < budget && !ct.IsCancellationRequested)`, advancing its own epoch counter at the end of each pass and calling shard.SetEpoch(epoch) on the DistributedSampler inside the loader's BatchSampler — right, no diagnostic.
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Spot.Training;

public static class BudgetedTraining
{
    public static async Task<int> TrainWithinAsync(InMemoryDataset data, TimeSpan budget, TimeSpan cooldown, CancellationToken ct)
    {
        var shard = new DistributedSampler(data.Count, seed: 6);
        using var train = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 64, dropLast: true));

        using var model = nn.Sequential(
            ("fc1", nn.Linear(data.Columns["x"].shape[1], 128)), ("silu", nn.SiLU()), ("fc2", nn.Linear(128, 1)));
        using var optimizer = optim.Adam(model.parameters(), 1e-3);

        var stopwatch = Stopwatch.StartNew();
        int epoch = 0;
        while (stopwatch.Elapsed < budget && !ct.IsCancellationRequested)
        {
            shard.SetEpoch(epoch);
            double sum = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.smooth_l1_loss(model.forward(batch["x"]).squeeze(-1), batch["y"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: loss {sum / train.Count:F4}, {stopwatch.Elapsed:mm\\:ss} of {budget:mm\\:ss}");
            epoch++;

            // spot instances: give the checkpoint sidecar a moment to sync
            try { await Task.Delay(cooldown, ct); }
            catch (OperationCanceledException) { /* the loop condition sees it */ }
        }
        return epoch;
    }
}
