// Scenario: multi-task fine-tuning keeps each task's shuffled loader, head and loss weight in a record; each epoch it loops over the tasks, setting task.Loader's epoch to the epoch-loop variable right before iterating that loader (correct: no diagnostic).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int epochs = 10;

var encoder = nn.Sequential(nn.Linear(1024, 512), nn.GELU(), nn.LayerNorm(512));
var tasks = new List<TaskSpec>
{
    new("toxicity", new EpochDataLoader(Load("data/mt/toxicity"), batchSize: 64, shuffle: true, seed: 1), nn.Linear(512, 2), 1.0),
    new("emotion", new EpochDataLoader(Load("data/mt/emotion"), batchSize: 64, shuffle: true, seed: 2), nn.Linear(512, 28), 0.7),
    new("stance", new EpochDataLoader(Load("data/mt/stance"), batchSize: 32, shuffle: true, seed: 3), nn.Linear(512, 3), 0.5),
};
var parameters = encoder.parameters().Concat(tasks.SelectMany(t => t.Head.parameters()));
var optimizer = optim.AdamW(parameters, 5e-5);

for (int epoch = 0; epoch < epochs; epoch++)
{
    foreach (var task in tasks)
    {
        task.Loader.SetEpoch(epoch);
        double total = 0;
        foreach (var batch in task.Loader)
        {
            using var scope = NewDisposeScope();
            var logits = task.Head.call(encoder.call(batch["embedding"]));
            var loss = task.Weight * nn.functional.cross_entropy(logits, batch["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
        }
        Console.WriteLine($"epoch {epoch} {task.Name}: {total / task.Loader.Count:F4}");
    }
}

foreach (var task in tasks) task.Loader.Dispose();

static InMemoryDataset Load(string folder) => new(new Dictionary<string, Tensor>
{
    ["embedding"] = torch.load(Path.Combine(folder, "embedding.pt")),
    ["label"] = torch.load(Path.Combine(folder, "label.pt")),
});

sealed record TaskSpec(string Name, EpochDataLoader Loader, Linear Head, double Weight);
