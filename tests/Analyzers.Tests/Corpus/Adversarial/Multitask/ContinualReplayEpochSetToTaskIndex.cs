// Scenario: continual learning over a sequence of tasks with a fixed-size reservoir replay loader next to each task's loader; the task loader gets the epoch, but the replay loader is told the task index ("new task, new memory order"), which stays the same through all epochs of a task (wrong: CMP004).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int epochsPerTask = 5;
const int reservoirSize = 2000;
string[] taskFolders = ["data/permuted-mnist/t0", "data/permuted-mnist/t1", "data/permuted-mnist/t2", "data/permuted-mnist/t3"];

var model = nn.Sequential(nn.Flatten(), nn.Linear(784, 400), nn.ReLU(), nn.Linear(400, 400), nn.ReLU(), nn.Linear(400, 10));
var optimizer = optim.SGD(model.parameters(), 0.1);
var rng = new Random(7);
long seen = 0;

// reservoir tensors are updated in place after each task, so one loader serves all tasks
var reservoirX = zeros(reservoirSize, 1, 28, 28);
var reservoirY = zeros(reservoirSize, dtype: ScalarType.Int64);
using var memory = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = reservoirX, ["label"] = reservoirY });
using var replay = new EpochDataLoader(memory, batchSize: 10, shuffle: true, seed: 99);

for (int task = 0; task < taskFolders.Length; task++)
{
    using var taskData = new InMemoryDataset(new Dictionary<string, Tensor>
    {
        ["data"] = torch.load(Path.Combine(taskFolders[task], "x.pt")),
        ["label"] = torch.load(Path.Combine(taskFolders[task], "y.pt")),
    });
    using var current = new EpochDataLoader(taskData, batchSize: 10, shuffle: true, seed: task);

    for (int epoch = 0; epoch < epochsPerTask; epoch++)
    {
        current.SetEpoch(epoch);
        replay.SetEpoch(task); //! CMP004

        using var memoryIt = replay.GetEnumerator();
        foreach (var batch in current)
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
            if (task > 0 && memoryIt.MoveNext())
                loss = loss + nn.functional.cross_entropy(model.call(memoryIt.Current["data"]), memoryIt.Current["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }

    // reservoir sampling over everything seen so far
    var xs = taskData.Columns["data"];
    var ys = taskData.Columns["label"];
    using (no_grad())
    {
        for (long i = 0; i < xs.shape[0]; i++, seen++)
        {
            long slot = seen < reservoirSize ? seen : rng.NextInt64(seen + 1);
            if (slot >= reservoirSize) continue;
            reservoirX[slot].copy_(xs[i]);
            reservoirY[slot].copy_(ys[i]);
        }
    }
    Console.WriteLine($"task {task} done, reservoir holds {Math.Min(seen, reservoirSize)} samples");
}
