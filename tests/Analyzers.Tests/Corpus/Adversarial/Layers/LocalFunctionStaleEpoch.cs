// Scenario: a resumed run reshuffles its DDP shard through a local function Reseed(e), but the loop calls it with startEpoch, the same value every pass (the eval loader's helper method Rewind sets a constant 0 outside any loop, which the docs do not judge) — wrong, CMP004 at the setter in Reseed
using Composer.Data;
using Composer.Distributed;
using static TorchSharp.torch;

namespace Blind20.LocalFunctionStaleEpoch;

public static class ResumedRun
{
    public static void Continue(InMemoryDataset data, InMemoryDataset validation, nn.Module<Tensor, Tensor> model,
        int startEpoch, int epochs)
    {
        var shard = new DistributedSampler(data.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 21);
        using var train = new EpochDataLoader(data, batchSize: 64, sampler: shard);
        using var eval = new EpochDataLoader(validation, batchSize: 256);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        void Reseed(int e)
        {
            if (Dist.Rank == 0) Console.WriteLine($"reshuffling shard for epoch {e}");
            shard.SetEpoch(e); //! CMP004
        }

        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            Reseed(startEpoch);
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            Rewind(eval);
            double correct = 0;
            foreach (var batch in eval)
                correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            Console.WriteLine($"epoch {epoch}: {correct} correct");
        }
    }

    private static void Rewind(EpochDataLoader loader) => loader.SetEpoch(0);
}
