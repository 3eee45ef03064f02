// Scenario: online hard-example mining that rebuilds a shuffling EpochDataLoader every epoch over the hardest 30% (plus some easy samples), always with seed: options.Seed and no SetEpoch, so the shuffle is the same every epoch (wrong).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var options = new MiningOptions();
torch.manual_seed(options.Seed);

const int N = 8000, Features = 32, Classes = 5;
var x = torch.randn(N, Features);
var labels = x[.., ..Classes].argmax(1);
var full = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = labels });
using var scoring = new EpochDataLoader(full, batchSize: 512);

var model = Sequential(("fc1", Linear(Features, 128)), ("relu", ReLU()), ("fc2", Linear(128, Classes)));
var optimizer = torch.optim.Adam(model.parameters(), lr: options.LearningRate);

for (int epoch = 0; epoch < options.Epochs; epoch++)
{
    // 1. score the whole set with the current model
    Tensor losses;
    using (torch.no_grad())
    {
        model.eval();
        var parts = new List<Tensor>();
        foreach (var batch in scoring)
            parts.Add(functional.cross_entropy(model.forward(batch["data"]), batch["label"], reduction: Reduction.None));
        losses = torch.cat(parts, 0);
        model.train();
    }

    // 2. keep the hardest examples, plus a random slice of the easy ones so they are not forgotten
    var order = losses.argsort(descending: true);
    var hardCount = (long)(N * options.HardFraction);
    var hard = order[..(int)hardCount];
    var rest = order[(int)hardCount..];
    var easy = rest.index_select(0, torch.randperm(rest.shape[0])[..(int)(N * options.EasyFraction)]);
    var keep = torch.cat([hard, easy], 0);

    var subset = new InMemoryDataset(new Dictionary<string, Tensor>
    {
        ["data"] = x.index_select(0, keep),
        ["label"] = labels.index_select(0, keep),
    });

    // 3. train one epoch on the mined subset
    using var loader = new EpochDataLoader(subset, batchSize: options.BatchSize, shuffle: true, seed: options.Seed, disposeDataset: true);
    double total = 0;
    foreach (var batch in loader) //! CMP002
    {
        using var scope = torch.NewDisposeScope();
        var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
    }

    Console.WriteLine($"epoch {epoch}: {keep.shape[0]} mined samples, mean pool loss {losses.mean().item<float>():F3}, train loss {total / loader.Count:F3}");
}

sealed class MiningOptions
{
    public int Seed { get; init; } = 1234;
    public int Epochs { get; init; } = 20;
    public int BatchSize { get; init; } = 64;
    public double LearningRate { get; init; } = 1e-3;
    public double HardFraction { get; init; } = 0.3;
    public double EasyFraction { get; init; } = 0.1;
}
