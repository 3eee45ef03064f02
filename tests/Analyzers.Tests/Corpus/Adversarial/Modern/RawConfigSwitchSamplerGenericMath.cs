// Scenario: a raw-string JSON config picks the sampler with a switch expression (DistributedSampler, RandomSampler or SequentialSampler behind `ISampler`), a generic-math `INumber<T>` helper computes the warm-up learning rate, and each epoch `(sampler as IEpochAware)?.SetEpoch(epoch)` reaches the very sampler the loader was built from (it has no batch sampler of its own) — correct, nothing to report.
using System.Numerics;
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const string Config = """
    {
      "sampling": "ddp",
      "batchSize": 64,
      "epochs": 12,
      "warmupEpochs": 2,
      "baseLr": 0.003
    }
    """;

using var doc = JsonDocument.Parse(Config);
var root = doc.RootElement;
var batchSize = root.GetProperty("batchSize").GetInt32();
var epochs = root.GetProperty("epochs").GetInt32();
var warmupEpochs = root.GetProperty("warmupEpochs").GetInt32();
var baseLr = root.GetProperty("baseLr").GetDouble();

var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(9_000, 50),
    ["label"] = randint(0, 7, [9_000], dtype: ScalarType.Int64),
});

ISampler sampler = root.GetProperty("sampling").GetString() switch
{
    "ddp" => new DistributedSampler(data.Count, seed: 21),
    "random" => new RandomSampler(data.Count, seed: 21),
    "sequential" or null => new SequentialSampler(data.Count),
    var other => throw new NotSupportedException($"unknown sampling '{other}'"),
};
using var train = new EpochDataLoader(data, batchSize: batchSize, sampler: sampler);

var model = Sequential(("fc1", Linear(50, 100)), ("act", ReLU()), ("fc2", Linear(100, 7)));
var optimizer = optim.SGD(model.parameters(), learningRate: baseLr, momentum: 0.9);

for (var epoch = 0; epoch < epochs; epoch++)
{
    (sampler as IEpochAware)?.SetEpoch(epoch);

    var lr = WarmupThenDecay(baseLr, epoch, warmupEpochs, epochs);
    foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;

    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        functional.cross_entropy(model.call(batch["data"]), batch["label"]).backward();
        optimizer.step();
    }
    Console.WriteLine($"epoch {epoch}: lr {lr:G3}");
}

// Linear warm-up, then linear decay to zero; works for float, double or decimal schedules.
static T WarmupThenDecay<T>(T peak, int epoch, int warmup, int total) where T : INumber<T>
{
    var e = T.CreateChecked(epoch + 1);
    if (epoch < warmup) return peak * e / T.CreateChecked(warmup);
    var remaining = T.CreateChecked(total - epoch);
    var span = T.CreateChecked(Math.Max(1, total - warmup));
    return T.Max(T.Zero, peak * remaining / span);
}
