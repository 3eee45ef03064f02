// Scenario: each epoch the user re-selects training samples by loss rank (selective-backprop style) and rebuilds a shuffling EpochDataLoader over them with seed: BaseSeed + epoch, so every epoch gets a fresh, reproducible order without SetEpoch (right).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int N = 20_000, Features = 12, EpochCount = 30;
const double Beta = 2.0;          // how strongly high-loss samples are preferred
const int BaseSeed = 31;

torch.manual_seed(BaseSeed);
var x = torch.randn(N, Features);
var y = (x.pow(2).sum(1) > Features).to(int64);
var pool = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = y });
using var scorer = new EpochDataLoader(pool, batchSize: 2048);

var model = Sequential(("fc1", Linear(Features, 64)), ("relu1", ReLU()), ("fc2", Linear(64, 64)), ("relu2", ReLU()), ("fc3", Linear(64, 2)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
var selector = new Random(BaseSeed);

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    var losses = new float[N];
    int offset = 0;
    using (torch.no_grad())
    {
        foreach (var batch in scorer)
        {
            var l = functional.cross_entropy(model.forward(batch["data"]), batch["label"], reduction: Reduction.None).data<float>().ToArray();
            l.CopyTo(losses, offset);
            offset += l.Length;
        }
    }

    // keep sample i with probability (rank percentile)^Beta: the hardest are almost always kept
    var ranks = losses.Select((l, i) => (l, i)).OrderBy(t => t.l).Select((t, r) => (t.i, p: Math.Pow((r + 1.0) / N, Beta))).ToArray();
    var selected = ranks.Where(t => selector.NextDouble() < t.p).Select(t => (long)t.i).ToArray();
    using var rows = torch.tensor(selected);

    var hard = new InMemoryDataset(new Dictionary<string, Tensor>
    {
        ["data"] = x.index_select(0, rows),
        ["label"] = y.index_select(0, rows),
    });
    using var train = new EpochDataLoader(hard, batchSize: 64, shuffle: true, seed: BaseSeed + epoch, disposeDataset: true);

    double total = 0;
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch}: trained on {selected.Length} of {N} samples, loss {total / train.Count:F4}");
}
