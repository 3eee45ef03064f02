// Scenario: on an 8-GPU node a user sets the loader's epoch under `switch (Dist.LocalRank) { case 0: case 1: … train.SetEpoch(epoch); break; }` (the two "logging" GPUs) and has no `default:`; local ranks 2..7 never set it. Wrong: CMP002.md says "the ranks no case lets through (there is no `default:`) take none": CMP002 on the iteration, its message naming the case's labels.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.SwitchLocalRankTwoLabelsNoDefault;

public sealed class NodeTrainer(Module<Tensor, Tensor> model, string logDir)
{
    public void Fit(InMemoryDataset data, int epochs)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 55);
        using var train = new EpochDataLoader(data, batchSize: 96, sampler: shard, dropLast: true);
        var optimizer = optim.AdamW(model.parameters(), lr: 3e-4, weight_decay: 0.05);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            switch (Dist.LocalRank)
            {
                case 0:
                case 1:
                    File.AppendAllText(Path.Combine(logDir, $"gpu{Dist.LocalRank}.log"), $"epoch {epoch} start\n");
                    train.SetEpoch(epoch);
                    break;
            }

            model.train();
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.call(batch["x"]), batch["y"]);
                loss.backward();
                foreach (var p in model.parameters())
                    if (p.grad is { } g) Dist.AllReduce(g);
                optimizer.step();
            }
        }
    }
}
