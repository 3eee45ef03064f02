// Scenario: resumed training loops `for (var e = ckpt.Epoch + 1; …)`, sets that epoch on the loader, and skips/limits batches with Skip/Take/Select; right.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.ResumeFromCheckpointEpoch;

public sealed record Checkpoint(int Epoch, long BatchesDoneInNextEpoch, string Weights)
{
    public static Checkpoint Load(string dir)
    {
        var lines = File.ReadAllLines(Path.Combine(dir, "state.txt"));
        return new Checkpoint(int.Parse(lines[0]), long.Parse(lines[1]), Path.Combine(dir, "model.bin"));
    }
}

public static class ResumedTraining
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset data, string checkpointDir, int epochs, int batchBudget)
    {
        var ckpt = Checkpoint.Load(checkpointDir);
        model.load(ckpt.Weights);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        var shard = new DistributedSampler(data.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 17);
        using var loader = new EpochDataLoader(data, batchSize: 32, sampler: shard);

        for (var e = ckpt.Epoch + 1; e < epochs; e++)
        {
            Epochs.SetEpoch(loader, e);

            // The first resumed epoch may have been cut short: skip what was already done.
            long skip = e == ckpt.Epoch + 1 ? ckpt.BatchesDoneInNextEpoch : 0;
            foreach (var (batch, i) in loader.Skip((int)skip).Take(batchBudget).Select((b, i) => (b, i)))
            {
                optimizer.zero_grad();
                using var loss = nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                if (i % 50 == 0 && Dist.Rank == 0)
                    Console.WriteLine($"epoch {e} batch {skip + i}: {loss.item<float>():F5}");
            }

            if (Dist.Rank == 0)
            {
                model.save(Path.Combine(checkpointDir, "model.bin"));
                File.WriteAllLines(Path.Combine(checkpointDir, "state.txt"), new[] { e.ToString(), "0" });
            }
            Dist.Barrier();
        }
    }
}
