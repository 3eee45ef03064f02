// Scenario: a distributed trainer sets every loader's epoch at the top of the pass, the rank-0-only sample loader inside `if (Dist.Rank == 0)`; after the training batches the non-zero ranks leave the pass with `if (Dist.Rank != 0) continue;`, and only rank 0 goes on to iterate `samples` for a qualitative check. Every rank that iterates `samples` (rank 0) has set its epoch. Correct: CMP002 flags only when nothing handles the epoch "on every rank that iterates it", and rank 0's own evaluation loader is the page's example of an iteration under a rank condition. Nothing to report.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.RankZeroSamplesAfterContinue;

public static class Captioning
{
    public static void Train(Module<Tensor, Tensor> model, InMemoryDataset pairs, InMemoryDataset showcase, int epochs)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(pairs.Count, Dist.WorldSize, Dist.Rank, seed: 2);
        using var train = new EpochDataLoader(pairs, batchSize: 48, sampler: shard, dropLast: true);
        using var samples = new EpochDataLoader(showcase, batchSize: 4, shuffle: true, seed: 6);
        var optimizer = optim.AdamW(model.parameters(), lr: 1e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            if (Dist.Rank == 0) samples.SetEpoch(epoch);

            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.call(batch["image"]), batch["caption"]);
                loss.backward();
                foreach (var p in model.parameters())
                    if (p.grad is { } g) Dist.AllReduce(g);
                optimizer.step();
            }

            Dist.Barrier();
            if (Dist.Rank != 0) continue;

            model.eval();
            using var noGrad = no_grad();
            foreach (var batch in samples.Take(2))
            {
                var predicted = model.call(batch["image"]).argmax(-1);
                Console.WriteLine($"epoch {epoch}: {predicted.shape[0]} showcase captions");
            }
        }
    }
}
