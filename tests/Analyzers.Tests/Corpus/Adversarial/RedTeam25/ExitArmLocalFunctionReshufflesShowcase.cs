// Scenario: after the shared training batches, `if (Dist.Rank != 0) { ReshuffleShowcase(epoch); continue; }` sends the workers away, and only rank 0 goes on to iterate the shuffled `showcase` loader. The local function that sets `showcase`'s epoch runs only on the ranks that left (the condition is inverted), so rank 0 shows the same samples every epoch. Wrong: CMP002.md flags "an iteration after `if (!isMain) { train.SetEpoch(epoch); continue; }`", and a setter in a local function counts where it is called ("around every call, within the loop, of the local function"): CMP002 on `showcase.Take(2)`. `train` is set on every rank.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.ExitArmLocalFunctionReshufflesShowcase;

public static class Captioning
{
    public static void Train(Module<Tensor, Tensor> model, InMemoryDataset pairs, InMemoryDataset gallery, int epochs)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(pairs.Count, Dist.WorldSize, Dist.Rank, seed: 2);
        using var train = new EpochDataLoader(pairs, batchSize: 48, sampler: shard, dropLast: true);
        using var showcase = new EpochDataLoader(gallery, batchSize: 4, shuffle: true, seed: 6);
        var optimizer = optim.AdamW(model.parameters(), lr: 1e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
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
            if (Dist.Rank != 0) { ReshuffleShowcase(epoch); continue; }

            model.eval();
            using var noGrad = no_grad();
            foreach (var batch in showcase.Take(2)) //! CMP002
            {
                var predicted = model.call(batch["image"]).argmax(-1);
                Console.WriteLine($"epoch {epoch}: {predicted.shape[0]} showcase captions");
            }
        }

        void ReshuffleShowcase(int e) => showcase.SetEpoch(e);
    }
}
