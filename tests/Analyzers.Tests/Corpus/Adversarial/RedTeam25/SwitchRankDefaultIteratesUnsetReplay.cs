// Scenario: a replay-buffer learner dispatches on `switch (Dist.Rank)`: `case 0:` (the learner) sets the shuffled replay loader's epoch and trains on it; `default:` (the actors) iterate the same loader to compute priorities but never set its epoch. Wrong: CMP002.md makes a case of a switch on the rank a rank branch, and an iteration in one arm is not handled by a setter in "the other arm of the iteration's own rank branch": CMP002 on the actors' iteration; the learner's is handled.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.SwitchRankDefaultIteratesUnsetReplay;

public static class ReplayLearner
{
    public static void Run(Module<Tensor, Tensor> qNet, InMemoryDataset transitions, int rounds)
    {
        Dist.Initialize();
        using var replay = new EpochDataLoader(transitions, batchSize: 256, sampler: new RandomSampler(transitions.Count, seed: 99));
        var optimizer = optim.Adam(qNet.parameters(), lr: 1e-4);

        for (int round = 0; round < rounds; round++)
        {
            switch (Dist.Rank)
            {
                case 0:
                    replay.SetEpoch(round);
                    qNet.train();
                    foreach (var batch in replay)
                    {
                        using var scope = NewDisposeScope();
                        optimizer.zero_grad();
                        var q = qNet.call(batch["state"]).gather(1, batch["action"].unsqueeze(1)).squeeze(1);
                        var loss = functional.smooth_l1_loss(q, batch["target"]);
                        loss.backward();
                        optimizer.step();
                    }
                    break;
                default:
                    qNet.eval();
                    using (no_grad())
                    {
                        double priority = 0;
                        foreach (var batch in replay) //! CMP002
                        {
                            using var scope = NewDisposeScope();
                            var q = qNet.call(batch["state"]).gather(1, batch["action"].unsqueeze(1)).squeeze(1);
                            priority += (q - batch["target"]).abs().sum().item<float>();
                        }
                        Console.WriteLine($"actor {Dist.Rank}, round {round}: priority mass {priority:F1}");
                    }
                    break;
            }
            Dist.Barrier();
        }
    }
}
