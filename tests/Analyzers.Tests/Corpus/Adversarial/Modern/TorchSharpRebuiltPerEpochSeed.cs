// Scenario: a config record with `required` init members is read from a raw-string JSON literal; each epoch a `using var` TorchSharp DataLoader is rebuilt with `seed: config.Seed + epoch`, so every epoch gets its own reproducible order — correct, nothing to report.
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const string Json = """
    {
      "epochCount": 6,
      "batchSize": 128,
      "seed": 1234,
      "learningRate": 0.01
    }
    """;

var config = JsonSerializer.Deserialize<TrainConfig>(Json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
    ?? throw new InvalidDataException("empty config");

using var trainSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(5_000, 10),
    ["label"] = randint(0, 2, [5_000], dtype: ScalarType.Int64),
});
using var valSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(1_000, 10),
    ["label"] = randint(0, 2, [1_000], dtype: ScalarType.Int64),
});

var model = Sequential(("fc1", Linear(10, 32)), ("act", ReLU()), ("fc2", Linear(32, 2)));
var optimizer = optim.SGD(model.parameters(), learningRate: config.LearningRate);
using var val = new DataLoader(valSet, 500, shuffle: false, disposeDataset: false);

for (var epoch = 0; epoch < config.EpochCount; epoch++)
{
    // a fresh, reproducible order per epoch
    using var train = new DataLoader(trainSet, config.BatchSize, shuffle: true, seed: config.Seed + epoch, disposeDataset: false);

    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }

    model.eval();
    using (no_grad())
    {
        var correct = val.Sum(b => model.call(b["data"]).argmax(1).eq(b["label"]).sum().item<long>());
        Console.WriteLine($"epoch {epoch}: val accuracy {correct / (double)valSet.Count:P1}");
    }
}

internal sealed record TrainConfig
{
    public required int EpochCount { get; init; }
    public required int BatchSize { get; init; }
    public int Seed { get; init; } = 1234;
    public double LearningRate { get; init; } = 0.01;
}
