// Scenario: `switch (Dist.Rank)`: rank 0 calls a local function `BeginEpoch(epoch)` that sets the shuffled `probe` loader's epoch and logs; the `default:` workers iterate `probe.Take(8)` to warm their caches. The workers never set `probe`'s epoch. Wrong: CMP002.md flags an iteration in one arm of a rank branch whatever the setters in "the other arm of the iteration's own rank branch", and a setter in a local function counts where it is called (here only in `case 0`): CMP002 on the workers' `probe.Take(8)`.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.SwitchLeaderCaseLocalFunctionWorkersProbe;

public sealed class WarmupProbeTrainer(Module<Tensor, Tensor> model)
{
    public void Fit(InMemoryDataset data, InMemoryDataset probeSet, int epochs)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 8);
        using var train = new EpochDataLoader(data, batchSize: 64, sampler: shard);
        using var probe = new EpochDataLoader(probeSet, batchSize: 16, shuffle: true, seed: 9);
        var optimizer = optim.SGD(model.parameters(), 0.05);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            switch (Dist.Rank)
            {
                case 0:
                    BeginEpoch(epoch);
                    break;
                default:
                    using (no_grad())
                    {
                        foreach (var batch in probe.Take(8)) //! CMP002
                        {
                            using var scope = NewDisposeScope();
                            model.call(batch["x"]);
                        }
                    }
                    break;
            }

            model.train();
            foreach (var batch in train)
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

        void BeginEpoch(int e)
        {
            probe.SetEpoch(e);
            Console.WriteLine($"epoch {e}: probe reshuffled");
        }
    }
}
