// Scenario: a switch expression picks the loader for the sampling strategy through a `using Loader = …EpochDataLoader` alias and shared `const` defaults; the DDP arm passes `shuffle: Defaults.Shuffle` (const true) next to a sampler, and the balanced arm `batchSize: Defaults.BatchSize` next to a batch sampler — both are rejected at run time (CMP006 each); the single-process arm and the loop are fine.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using Loader = Composer.Data.EpochDataLoader;

var strategy = Enum.Parse<Strategy>(Environment.GetEnvironmentVariable("SAMPLING") ?? nameof(Strategy.Single), ignoreCase: true);

using var labelTensor = randint(0, 20, [12_000], dtype: ScalarType.Int64);
var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(12_000, 40),
    ["label"] = labelTensor.clone(),
});
long[] labels = [.. labelTensor.data<long>()];

using var train = BuildLoader(strategy, data, labels);

var model = Sequential(("fc1", Linear(40, 128)), ("act", ReLU()), ("fc2", Linear(128, 20)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (var epoch = 0; epoch < 12; epoch++)
{
    train.SetEpoch(epoch);
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }
    Console.WriteLine($"[{strategy}] epoch {epoch} done");
}

static Loader BuildLoader(Strategy strategy, InMemoryDataset data, long[] labels) => strategy switch
{
    Strategy.Single => new Loader(data, batchSize: Defaults.BatchSize, shuffle: Defaults.Shuffle, seed: Defaults.Seed),
    Strategy.Ddp => new Loader(data, batchSize: Defaults.BatchSize, shuffle: Defaults.Shuffle, sampler: new DistributedSampler(data.Count, seed: Defaults.Seed)), //! CMP006
    Strategy.Balanced => new Loader(data, batchSize: Defaults.BatchSize, batchSampler: new ClassBalancedBatchSampler(labels, 8, 8, seed: Defaults.Seed)), //! CMP006
    _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null),
};

internal enum Strategy { Single, Ddp, Balanced }

internal static class Defaults
{
    public const int BatchSize = 64;
    public const bool Shuffle = true;
    public const int Seed = 5;
}
