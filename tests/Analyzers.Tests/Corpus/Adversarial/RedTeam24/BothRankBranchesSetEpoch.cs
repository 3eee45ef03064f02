// Scenario: a trainer logs on rank 0 and sets the epoch there through `Epochs.SetEpoch(train, epoch)`, while its `else` branch sets it with `train.SetEpoch(epoch)` on the other ranks; a separate `if (Dist.WorldSize > 1)` guard (the same on every rank) sets the second loader's shard sampler, its `else` the whole loader. Correct: a rank branch counts when its `else` sets the epoch too, and a condition the same on every rank is no rank condition (CMP002, Not flagged). Nothing to report.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.BothRankBranchesSetEpoch;

public static class Detector
{
    public static void Fit(Module<Tensor, Tensor> model, InMemoryDataset boxes, InMemoryDataset hardNegatives, int epochs)
    {
        Dist.Initialize();
        using var train = new EpochDataLoader(boxes, batchSize: 8, shuffle: true, seed: 71);
        var negShard = new DistributedSampler(hardNegatives.Count, Dist.WorldSize, Dist.Rank, seed: 72);
        using var negatives = new EpochDataLoader(hardNegatives, batchSize: 8, sampler: negShard);
        var optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9, weight_decay: 1e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (Dist.Rank == 0)
            {
                Console.WriteLine($"epoch {epoch}: lr {optimizer.ParamGroups.First().LearningRate}");
                Epochs.SetEpoch(train, epoch);
            }
            else
            {
                train.SetEpoch(epoch);
            }

            if (Dist.WorldSize > 1)
                negShard.SetEpoch(epoch);
            else
                Epochs.SetEpoch(negatives, epoch);

            model.train();
            foreach (var (positive, negative) in train.Zip(negatives))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.binary_cross_entropy_with_logits(model.call(positive["image"]), positive["target"])
                         + functional.binary_cross_entropy_with_logits(model.call(negative["image"]), negative["target"]);
                loss.backward();
                foreach (var p in model.parameters())
                    if (p.grad is { } g) Dist.AllReduce(g);
                optimizer.step();
            }
        }
    }
}
