// Scenario: one loader gets SetEpoch(epoch + offset) and another gets SetEpoch(state.Epoch) from a property the loop advances: correct (derived from the loop variable; properties are not judged constant).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Offsets;

public sealed class RunState
{
    public int Epoch { get; set; }
    public long Batches { get; set; }
}

public static class OffsetLoop
{
    public static void Train(InMemoryDataset source, InMemoryDataset replay, RunState state, int offset, int epochs)
    {
        using var sourceLoader = new EpochDataLoader(source, batchSize: 64, shuffle: true, seed: 10);
        using var replayLoader = new EpochDataLoader(replay, batchSize: 16, shuffle: true, seed: 11);
        var model = nn.Sequential(("fc1", nn.Linear(30, 60)), ("relu", nn.ReLU()), ("fc2", nn.Linear(60, 5)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int e = 0; e < epochs; e++)
        {
            sourceLoader.SetEpoch(e + offset);
            replayLoader.SetEpoch(state.Epoch);

            using var replayBatches = replayLoader.GetEnumerator();
            foreach (var batch in sourceLoader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                if (replayBatches.MoveNext())
                {
                    var r = replayBatches.Current;
                    using var replayLoss = nn.functional.cross_entropy(model.forward(r["data"]), r["label"]);
                    (loss + replayLoss).backward();
                }
                else
                {
                    loss.backward();
                }
                optimizer.step();
                state.Batches++;
            }
            state.Epoch++;
        }
    }
}
