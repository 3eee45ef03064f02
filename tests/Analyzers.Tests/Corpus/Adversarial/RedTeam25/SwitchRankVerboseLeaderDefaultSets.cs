// Scenario: `switch (Dist.Rank)` with `case 0 when verbose:` (the leader prints a header, then sets the epoch) and `default:` (every other rank, and rank 0 when not verbose, sets the epoch); the loop over `train` follows. Every rank sets it. Correct: CMP002.md counts a setter in a case when every other case of a switch that has a `default:` sets the loader on every rank that takes it. Nothing to report.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.SwitchRankVerboseLeaderDefaultSets;

public static class SegmentationTraining
{
    public static void Train(Module<Tensor, Tensor> unet, InMemoryDataset tiles, int epochs, bool verbose)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(tiles.Count, Dist.WorldSize, Dist.Rank, seed: 1234);
        using var train = new EpochDataLoader(tiles, batchSampler: new BatchSampler(shard, 8, dropLast: true));
        var optimizer = optim.Adam(unet.parameters(), lr: 1e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            switch (Dist.Rank)
            {
                case 0 when verbose:
                    Console.WriteLine($"--- epoch {epoch}: {train.Count} batches on each of {Dist.WorldSize} ranks ---");
                    train.SetEpoch(epoch);
                    break;
                default:
                    train.SetEpoch(epoch);
                    break;
            }

            unet.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var logits = unet.call(batch["tile"]);
                var loss = functional.binary_cross_entropy_with_logits(logits, batch["mask"]);
                loss.backward();
                foreach (var p in unet.parameters())
                    if (p.grad is { } g) Dist.AllReduce(g);
                optimizer.step();
            }
        }
    }
}
