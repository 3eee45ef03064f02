// Scenario: `switch (Dist.Rank)`: `case 0:` sets the loader's epoch and logs the batch count; the workers' `default:` first receives rank 0's broadcast learning rate and then `goto case 0;`, so every rank runs `train.SetEpoch(epoch)` before the batches. Correct: CMP002.md counts a setter in a case when "every other case of a switch that has a `default:`, sets the loader on every rank that takes it", and the `default:` does, through `goto case 0`. Nothing to report.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.SwitchRankWorkersGotoCaseZero;

public sealed class EpochSync(Module<Tensor, Tensor> model)
{
    public void Run(InMemoryDataset data, int epochs)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 21);
        using var train = new EpochDataLoader(data, batchSize: 32, sampler: shard);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        using var lrTensor = tensor(new float[] { 1e-3f });

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            switch (Dist.Rank)
            {
                case 0:
                    train.SetEpoch(epoch);
                    Console.WriteLine($"epoch {epoch}: {train.Count} batches per rank");
                    break;
                default:
                    Dist.Broadcast(lrTensor, root: 0);
                    goto case 0;
            }

            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.mse_loss(model.call(batch["x"]), batch["y"]);
                loss.backward();
                foreach (var p in model.parameters())
                    if (p.grad is { } g) Dist.AllReduce(g);
                optimizer.step();
            }
        }
    }
}
