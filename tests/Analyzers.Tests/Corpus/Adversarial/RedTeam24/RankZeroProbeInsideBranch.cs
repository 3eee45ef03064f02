// Scenario: only rank 0 runs a shuffled probe evaluation each epoch: inside `if (Dist.Rank == 0)` it sets the probe loader's epoch and then calls `ProbeAccuracy(model, probe)`, a method in this file that iterates the loader it is given; the training loader's epoch is set on every rank. Correct: a rank branch counts when the iteration is inside the same branch (rank 0's own evaluation loader), and the helper's iteration counts at its call (CMP002, Not flagged). Nothing to report.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.RankZeroProbeInsideBranch;

public static class SelfSupervised
{
    public static void Pretrain(Module<Tensor, Tensor> encoder, InMemoryDataset unlabeled, InMemoryDataset labeledProbe, int epochs)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(unlabeled.Count, Dist.WorldSize, Dist.Rank, seed: 1);
        using var train = new EpochDataLoader(unlabeled, batchSize: 256, sampler: shard, dropLast: true);
        using var probe = new EpochDataLoader(labeledProbe, batchSize: 128, shuffle: true, seed: 2);
        var optimizer = optim.AdamW(encoder.parameters(), lr: 1e-3, weight_decay: 0.05);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            shard.SetEpoch(epoch);
            encoder.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var z = functional.normalize(encoder.call(batch["view1"]), dim: 1);
                var z2 = functional.normalize(encoder.call(batch["view2"]), dim: 1);
                var loss = (2 - 2 * (z * z2).sum(1)).mean();
                loss.backward();
                foreach (var p in encoder.parameters())
                    if (p.grad is { } g) Dist.AllReduce(g);
                optimizer.step();
            }

            if (Dist.Rank == 0)
            {
                probe.SetEpoch(epoch);
                Console.WriteLine($"epoch {epoch}: probe accuracy {ProbeAccuracy(encoder, probe):P1}");
            }
        }
    }

    private static double ProbeAccuracy(Module<Tensor, Tensor> encoder, EpochDataLoader loader)
    {
        encoder.eval();
        using var noGrad = no_grad();
        long correct = 0, seen = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            correct += encoder.call(batch["image"]).argmax(1).eq(batch["label"]).sum().item<long>();
            seen += batch["label"].shape[0];
        }
        return seen == 0 ? 0 : (double)correct / seen;
    }
}
