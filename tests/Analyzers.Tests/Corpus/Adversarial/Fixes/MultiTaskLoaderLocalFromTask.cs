// Scenario: multi-task training loops over tasks each epoch, copies `task.Loader` into a local, sets its epoch with the epoch loop's counter and iterates it: right (the tasks loop is a loop over loaders, so the epoch loop around it judges `epoch`, which changes).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.MultiTaskLoaderLocalFromTask;

public sealed class TaskHead
{
    public TaskHead(string name, EpochDataLoader loader, int classes)
    {
        Name = name;
        Loader = loader;
        Head = nn.Linear(64, classes);
    }

    public string Name { get; }
    public EpochDataLoader Loader { get; }
    public TorchSharp.Modules.Linear Head { get; }
}

public static class MultiTaskTrainer
{
    public static void Fit(nn.Module<Tensor, Tensor> trunk, IReadOnlyList<TaskHead> tasks, int epochs)
    {
        var parameters = trunk.parameters().Concat(tasks.SelectMany(t => t.Head.parameters())).ToList();
        var optimizer = optim.AdamW(parameters, lr: 3e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var task in tasks)
            {
                var loader = task.Loader;
                loader.SetEpoch(epoch);
                double total = 0;
                long steps = 0;
                foreach (var batch in loader)
                {
                    using var scope = NewDisposeScope();
                    var logits = task.Head.forward(trunk.forward(batch["data"]));
                    var loss = nn.functional.cross_entropy(logits, batch["label"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    total += loss.item<float>();
                    steps++;
                }
                Console.WriteLine($"epoch {epoch} task {task.Name}: {total / Math.Max(1, steps):F4}");
            }
        }
    }

    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(512, 16), ["label"] = randint(0, 4, 512) });
        var trunk = nn.Sequential(nn.Linear(16, 64), nn.ReLU());
        var tasks = new List<TaskHead>
        {
            new("topic", new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 1), 4),
            new("sentiment", new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 2), 4),
        };
        Fit(trunk, tasks, epochs: 5);
    }
}
