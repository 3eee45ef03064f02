// Scenario: a trainer dispatches per-rank duties with `switch (Dist.Rank)`: `case 0:` prints the header, writes TensorBoard-style scalars and sets the loader's epoch; `default:` only waits. Ranks 1..n-1 never set the epoch: wrong, CMP002 on the iteration (red team 24 labelled it so; the page first named the switch as a limit, and a case is a rank branch since).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.SwitchOnRankSetsEpoch;

public static class RoleDispatch
{
    public static void Fit(Module<Tensor, Tensor> model, InMemoryDataset data, int epochs, TextWriter scalars)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 9);
        using var train = new EpochDataLoader(data, batchSize: 64, sampler: shard);
        var optimizer = optim.SGD(model.parameters(), 0.02, momentum: 0.9);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            switch (Dist.Rank)
            {
                case 0:
                    Console.WriteLine($"epoch {epoch}");
                    scalars.WriteLine($"{epoch},lr,{0.02}");
                    train.SetEpoch(epoch);
                    break;
                default:
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
