// Scenario: class-incremental continual learning (experience replay) zips the current task's loader with a replay-memory loader; the current loader's epoch is set before the batch loop, but the replay loader's epoch is set at the first step inside the zipped loop, after its order was already fixed (wrong: CMP005).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int tasks = 5;              // Split CIFAR-100: 5 tasks of 20 classes
const int epochsPerTask = 10;
const int memoryPerClass = 20;

var model = nn.Sequential(
    nn.Conv2d(3, 64, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(64, 128, 3, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
    nn.Linear(128, 100));
var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

// the memory starts with exemplars of the base classes the model was pre-trained on
var memoryX = new List<Tensor> { torch.load("data/split-cifar100/base_exemplars_x.pt") };
var memoryY = new List<Tensor> { torch.load("data/split-cifar100/base_exemplars_y.pt") };

for (int task = 0; task < tasks; task++)
{
    using var taskSet = new InMemoryDataset(new Dictionary<string, Tensor>
    {
        ["data"] = torch.load($"data/split-cifar100/task{task}_x.pt"),
        ["label"] = torch.load($"data/split-cifar100/task{task}_y.pt"),
    });
    using var memorySet = new InMemoryDataset(new Dictionary<string, Tensor>
    {
        ["data"] = cat(memoryX.ToArray(), 0),
        ["label"] = cat(memoryY.ToArray(), 0),
    });
    using var current = new EpochDataLoader(taskSet, batchSize: 32, shuffle: true, seed: 100 + task);
    using var replay = new EpochDataLoader(memorySet, batchSize: 32, shuffle: true, seed: 200 + task);

    for (int epoch = 0; epoch < epochsPerTask; epoch++)
    {
        current.SetEpoch(epoch);
        int step = 0;
        double total = 0;
        foreach (var (cur, old) in current.Zip(replay))
        {
            if (step == 0) replay.SetEpoch(epoch); //! CMP005
            using var scope = NewDisposeScope();
            var x = cat(new[] { cur["data"], old["data"] }, 0);
            var y = cat(new[] { cur["label"], old["label"] }, 0);
            var loss = nn.functional.cross_entropy(model.call(x), y);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
            step++;
        }
        Console.WriteLine($"task {task} epoch {epoch}: loss {total / Math.Max(step, 1):F4}");
    }

    // keep the first memoryPerClass images of every class of this task
    var labels = taskSet.Columns["label"];
    var keep = new List<long>();
    foreach (var c in labels.unique().output.data<long>().ToArray())
        keep.AddRange(nonzero(labels.eq(c)).flatten().data<long>().Take(memoryPerClass));
    using var index = tensor(keep.ToArray());
    memoryX.Add(taskSet.Columns["data"].index_select(0, index));
    memoryY.Add(labels.index_select(0, index));
}
