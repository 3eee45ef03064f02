// Scenario: a trainer's hook list should get the train loader's setter, but the user wrote `_hooks.Remove(train.SetEpoch)` (copy-pasted from the teardown): the method group is taken off the list, never added, so the shuffling loader is never told the epoch — CMP002 at the iteration.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.HookListRemoveInsteadOfAdd;

public sealed class HookedTrainer
{
    private readonly List<Action<int>> _hooks = new();

    public void Fit(InMemoryDataset data, int epochs)
    {
        var train = new EpochDataLoader(data, batchSize: 48, shuffle: true, seed: 8);
        _hooks.Remove(train.SetEpoch);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var hook in _hooks) hook(epoch);
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                _ = batch["x"].sum();
            }
        }
    }
}
