// Scenario: `switch (Dist.Rank)` with `case 0:` for the leader and `case var worker:` (a pattern that matches every other rank) for the workers; both sections set the loader's epoch before the batches. Every rank sets it. Correct: CMP002.md says only "the ranks no case lets through" take none, and `case var worker` lets every rank through (it is a default in all but name). Nothing to report.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.SwitchRankCaseVarWorker;

public static class ContrastivePretraining
{
    public static void Run(Module<Tensor, Tensor> encoder, InMemoryDataset pairs, int epochs)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(pairs.Count, Dist.WorldSize, Dist.Rank, seed: 4);
        using var train = new EpochDataLoader(pairs, batchSize: 256, sampler: shard, dropLast: true);
        var optimizer = optim.AdamW(encoder.parameters(), lr: 3e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            switch (Dist.Rank)
            {
                case 0:
                    Console.WriteLine($"[leader] epoch {epoch}, world {Dist.WorldSize}");
                    train.SetEpoch(epoch);
                    break;
                case var worker:
                    if (epoch == 0) Console.WriteLine($"[worker {worker}] ready");
                    train.SetEpoch(epoch);
                    break;
            }

            encoder.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var a = functional.normalize(encoder.call(batch["view1"]), dim: 1);
                var b = functional.normalize(encoder.call(batch["view2"]), dim: 1);
                var logits = a.matmul(b.t()) / 0.07;
                var loss = functional.cross_entropy(logits, arange(logits.shape[0]));
                loss.backward();
                foreach (var p in encoder.parameters())
                    if (p.grad is { } g) Dist.AllReduce(g);
                optimizer.step();
            }
        }
    }
}
