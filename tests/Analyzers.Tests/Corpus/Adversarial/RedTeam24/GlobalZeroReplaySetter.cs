// Scenario: a Lightning-style continual-learning module sets the shard loader's epoch on every rank but the replay-buffer loader's only inside `if (IsGlobalZero && logReplay)`, next to the replay statistics; every rank iterates the replay loader. Wrong: CMP002 with its rank message — a main-process test (`IsGlobalZero`) anywhere in the condition makes it a branch that only some ranks take. The shard loader is fine.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.GlobalZeroReplaySetter;

public sealed class ContinualModule(Module<Tensor, Tensor> network, bool logReplay)
{
    public bool IsGlobalZero => Dist.Rank == 0;

    public void Fit(InMemoryDataset currentTask, InMemoryDataset replayBuffer, int epochs)
    {
        Dist.Initialize();
        var shard = new DistributedSampler(currentTask.Count, Dist.WorldSize, Dist.Rank, seed: 12);
        using var train = new EpochDataLoader(currentTask, batchSize: 64, sampler: shard);
        using var replay = new EpochDataLoader(replayBuffer, batchSize: 16, shuffle: true, seed: 40);
        var optimizer = optim.SGD(network.parameters(), 0.01);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            shard.SetEpoch(epoch);
            if (IsGlobalZero && logReplay)
            {
                Console.WriteLine($"epoch {epoch}: replay buffer holds {replayBuffer.Count} samples");
                replay.SetEpoch(epoch);
            }

            network.train();
            foreach (var (current, old) in train.Zip(replay)) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.cross_entropy(network.call(current["x"]), current["y"])
                         + 0.5 * functional.cross_entropy(network.call(old["x"]), old["y"]);
                loss.backward();
                foreach (var p in network.parameters())
                    if (p.grad is { } g) Dist.AllReduce(g);
                optimizer.step();
            }
        }
    }
}
