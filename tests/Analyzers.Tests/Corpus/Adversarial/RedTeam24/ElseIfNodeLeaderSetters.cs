// Scenario: a multi-node trainer sets the loader's epoch on the global rank 0 (with the run-level log) and, in an `else if (Dist.LocalRank == 0)` branch, on each node's leader; the ranks that are neither (local ranks 1..n-1 on every node) take no branch and never reshuffle. Wrong: CMP002 flags an epoch set only in branches that some ranks take; here the `else` sets it only under another rank condition, so it is still not set on every rank that iterates the loader.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.ElseIfNodeLeaderSetters;

public static class MultiNode
{
    public static void Fit(Module<Tensor, Tensor> model, InMemoryDataset corpus, int epochs)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(corpus.Count, Dist.WorldSize, Dist.Rank, seed: 100);
        using var train = new EpochDataLoader(corpus, batchSize: 32, sampler: shard, dropLast: true);
        var optimizer = optim.AdamW(model.parameters(), lr: 1e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (Dist.Rank == 0)
            {
                Console.WriteLine($"[run] epoch {epoch} of {epochs}, world size {Dist.WorldSize}");
                train.SetEpoch(epoch);
            }
            else if (Dist.LocalRank == 0)
            {
                Console.WriteLine($"[node leader {Dist.Rank}] epoch {epoch}");
                train.SetEpoch(epoch);
            }

            model.train();
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.call(batch["tokens"]), batch["next"]);
                loss.backward();
                foreach (var p in model.parameters())
                    if (p.grad is { } g) Dist.AllReduce(g);
                optimizer.step();
            }

            Dist.Barrier();
        }
    }
}
