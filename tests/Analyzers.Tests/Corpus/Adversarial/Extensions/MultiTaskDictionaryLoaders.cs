// Scenario: multi-task training that loops over a dictionary of per-task shuffling loaders, setting kv.Value's epoch to the outer epoch before iterating it - correct, no finding.
using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Lab.Blind17.MultiTask;

public static class MultiTaskLoop
{
    public static void Train(InMemoryDataset cls, InMemoryDataset seg, InMemoryDataset depth,
        IReadOnlyDictionary<string, ComposerModel> heads, optim.Optimizer optimizer, int epochs)
    {
        var tasks = new Dictionary<string, EpochDataLoader>
        {
            ["cls"] = new EpochDataLoader(cls, batchSize: 32, shuffle: true, seed: 1),
            ["seg"] = new EpochDataLoader(seg, batchSize: 8, shuffle: true, seed: 2),
            ["depth"] = new EpochDataLoader(depth, batchSize: 8, shuffle: true, seed: 3),
        };
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var kv in tasks)
            {
                kv.Value.SetEpoch(epoch);
                var head = heads[kv.Key];
                foreach (var batch in kv.Value)
                {
                    optimizer.zero_grad();
                    head.Loss(head.Forward(batch), batch).backward();
                    optimizer.step();
                }
            }
        }
        foreach (var loader in tasks.Values) loader.Dispose();
    }
}
