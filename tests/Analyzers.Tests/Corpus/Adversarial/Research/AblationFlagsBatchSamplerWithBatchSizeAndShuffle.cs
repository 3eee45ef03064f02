// Scenario: ablation script toggling class-balanced batches by flag; the loader always passes batchSize: 64 and shuffle: true next to a batchSampler variable that is null when the flag is off — both conflict (CMP006 twice)
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// usage: dotnet run -- [--balanced] [--label-smoothing] [--no-dropout]
bool balanced = args.Contains("--balanced");
bool labelSmoothing = args.Contains("--label-smoothing");
bool dropout = !args.Contains("--no-dropout");
const int Epochs = 20;
const int Seed = 13;
string tag = $"bal{(balanced ? 1 : 0)}_ls{(labelSmoothing ? 1 : 0)}_do{(dropout ? 1 : 0)}";

Reproducibility.SeedAll(Seed);
using var train = new FashionMnist(train: true);
using var test = new FashionMnist(train: false);

// imbalance the training set on purpose: keep only 10% of classes 0-4
var labelsAll = train.Columns["label"];
var keep = labelsAll.ge(5).logical_or(rand(labelsAll.shape[0]).lt(0.1)).nonzero().squeeze(1);
using var imbalanced = new InMemoryDataset(train.Columns.ToDictionary(c => c.Key, c => c.Value.index_select(0, keep)));
long[] labels = imbalanced.Columns["label"].data<long>().ToArray();

IBatchSampler? batches = balanced ? new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 8, seed: Seed) : null;
var loader = new EpochDataLoader(imbalanced, batchSize: 64, shuffle: true, batchSampler: batches, seed: Seed); //! CMP006 CMP006
var evalLoader = new EpochDataLoader(test, batchSize: 1000);

var layers = new List<(string, Module<Tensor, Tensor>)> { ("flat", Flatten()), ("fc1", Linear(784, 256)), ("relu", ReLU()) };
if (dropout) layers.Add(("drop", Dropout(0.3)));
layers.Add(("fc2", Linear(256, 10)));
var model = Sequential(layers);
var opt = optim.Adam(model.parameters(), lr: 1e-3);
double eps = labelSmoothing ? 0.1 : 0.0;

for (int epoch = 0; epoch < Epochs; epoch++)
{
    loader.SetEpoch(epoch);
    model.train();
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        var logp = functional.log_softmax(model.forward(batch["data"]), 1);
        var loss = (1 - eps) * functional.nll_loss(logp, batch["label"]) - eps * logp.mean();
        opt.zero_grad();
        loss.backward();
        opt.step();
    }
}

// per-class accuracy: the minority classes are what the ablation is about
model.eval();
var hits = new long[10];
var counts = new long[10];
using (no_grad())
{
    foreach (var batch in evalLoader)
    {
        var pred = model.forward(batch["data"]).argmax(1).data<long>().ToArray();
        var gold = batch["label"].data<long>().ToArray();
        for (int i = 0; i < gold.Length; i++) { counts[gold[i]]++; if (pred[i] == gold[i]) hits[gold[i]]++; }
    }
}
File.WriteAllText($"ablation_{tag}.csv", string.Join("\n", Enumerable.Range(0, 10).Select(c => $"{c},{hits[c] / (double)counts[c]:F4}")));
Console.WriteLine($"{tag}: minority acc {Enumerable.Range(0, 5).Average(c => hits[c] / (double)counts[c]):P2}");
