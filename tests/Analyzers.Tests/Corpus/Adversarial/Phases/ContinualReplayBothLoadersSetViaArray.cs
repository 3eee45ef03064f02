// Scenario: continual learning with experience replay; per task a current-task loader and a replay-buffer loader are rebuilt, both set each epoch through a loop over new[] { current, replay }, then zipped: right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.Continual;

public sealed record ContinualTask(string Name, Tensor X, Tensor Y, int Epochs);

public sealed class ReplayLearner(nn.Module<Tensor, Tensor> model, int memoryPerTask = 256)
{
    private readonly List<Tensor> _memX = new();
    private readonly List<Tensor> _memY = new();

    public void Learn(IEnumerable<ContinualTask> tasks, Tensor warmupX, Tensor warmupY)
    {
        _memX.Add(warmupX);
        _memY.Add(warmupY);
        using var optimizer = optim.SGD(model.parameters(), 0.05);
        int seen = 0;

        foreach (var task in tasks)
        {
            using var currentSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = task.X.alias(), ["label"] = task.Y.alias() });
            using var replaySet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = cat(_memX, 0), ["label"] = cat(_memY, 0) });
            using var current = new EpochDataLoader(currentSet, batchSize: 32, shuffle: true, seed: 100, dropLast: true);
            using var replay = new EpochDataLoader(replaySet, batchSize: 32, shuffle: true, seed: 200, dropLast: true);

            for (int epoch = 0; epoch < task.Epochs; epoch++)
            {
                foreach (var l in new[] { current, replay }) l.SetEpoch(seen + epoch);

                model.train();
                foreach (var (now, past) in current.Zip(replay))
                {
                    optimizer.zero_grad();
                    using var lossNow = nn.functional.cross_entropy(model.call(now["data"]), now["label"]);
                    using var lossPast = nn.functional.cross_entropy(model.call(past["data"]), past["label"]);
                    using var loss = lossNow + lossPast;
                    loss.backward();
                    optimizer.step();
                }
            }
            seen += task.Epochs;

            // reservoir: keep a random slice of this task in memory
            using var pick = randperm(task.X.shape[0])[..memoryPerTask];
            _memX.Add(task.X.index_select(0, pick));
            _memY.Add(task.Y.index_select(0, pick));
            Console.WriteLine($"{task.Name}: memory now {_memX.Sum(t => t.shape[0])} samples");
        }
    }
}
