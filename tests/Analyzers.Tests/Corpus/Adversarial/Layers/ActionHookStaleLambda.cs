// Scenario: before the loop, a helper RegisterReshuffle hands the scheduler the hook _ => sampler.SetEpoch(epoch), which ignores the epoch the scheduler passes and sets the captured resume epoch; a lambda that does not pass its own parameter counts where it is written (before the loop), so nothing sets the DDP loader on a pass — wrong, CMP002 on the iteration
using Composer.Data;
using Composer.Distributed;
using static TorchSharp.torch;

namespace Blind20.ActionHookStaleLambda;

public sealed class EpochScheduler
{
    private readonly List<Action<int>> _hooks = new();

    public void OnEpoch(Action<int> hook) => _hooks.Add(hook);

    public void Advance(int epoch) => _hooks.ForEach(h => h(epoch));
}

public static class ResumableRun
{
    public static void Train(InMemoryDataset data, nn.Module<Tensor, Tensor> model, int resumeEpoch, int epochs)
    {
        var sampler = new DistributedSampler(data.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 13);
        using var train = new EpochDataLoader(data, batchSize: 32, sampler: sampler);
        var scheduler = new EpochScheduler();
        RegisterReshuffle(scheduler, sampler, resumeEpoch);
        var optimizer = optim.SGD(model.parameters(), 0.01);

        for (int epoch = resumeEpoch; epoch < epochs; epoch++)
        {
            scheduler.Advance(epoch);
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
        }
    }

    private static void RegisterReshuffle(EpochScheduler scheduler, DistributedSampler sampler, int epoch) =>
        scheduler.OnEpoch(_ => sampler.SetEpoch(epoch));
}
