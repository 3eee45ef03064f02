// Scenario: staged curriculum by difficulty score; each stage gets its own RandomSampler and loader, trained for several epochs, but the sampler is told the stage index instead of the epoch, so the epochs of a stage share one order (wrong).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int N = 12_000, Features = 40, Classes = 6, EpochsPerStage = 5;
double[] stageCutoffs = [0.3, 0.6, 0.85, 1.0];   // share of the data, easiest first

torch.manual_seed(5);
var x = torch.randn(N, Features);
var y = torch.randint(0, Classes, new long[] { N }, dtype: int64);

// difficulty from a previous run: mean loss of each sample over its last epochs
var difficulty = torch.rand(N) * 2.5;
var easiestFirst = difficulty.argsort();

var model = Sequential(
    ("fc1", Linear(Features, 128)), ("bn", BatchNorm1d(128)), ("relu", ReLU()),
    ("fc2", Linear(128, Classes)));
var optimizer = torch.optim.SGD(model.parameters(), 0.05, momentum: 0.9, weight_decay: 5e-4);

for (int stage = 0; stage < stageCutoffs.Length; stage++)
{
    var rows = easiestFirst[..(int)(N * stageCutoffs[stage])];
    var stageSet = new InMemoryDataset(new Dictionary<string, Tensor>
    {
        ["data"] = x.index_select(0, rows),
        ["label"] = y.index_select(0, rows),
    });

    var sampler = new RandomSampler(stageSet.Count, seed: 2024);
    using var loader = new EpochDataLoader(stageSet, batchSize: 128, sampler: sampler, dropLast: true, disposeDataset: true);

    for (int epoch = 0; epoch < EpochsPerStage; epoch++)
    {
        sampler.SetEpoch(stage); //! CMP004
        model.train();
        double total = 0;
        foreach (var batch in loader)
        {
            using var scope = torch.NewDisposeScope();
            var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"], label_smoothing: 0.05);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
        }
        Console.WriteLine($"stage {stage} ({stageSet.Count} samples) epoch {epoch}: loss {total / loader.Count:F4}");
    }
}
