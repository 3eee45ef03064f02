// Scenario: importance sampling by a gradient-norm bound with an epoch-aware sampler of the user's; scores are refreshed each epoch and the sampler variable the loader was built from gets sampler.SetEpoch(epoch) before the batches (right).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int N = 15_000, Features = 28, Classes = 10, EpochCount = 20;

torch.manual_seed(12);
var x = torch.randn(N, Features);
var y = x[.., ..Classes].argmax(1);
var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = y, ["index"] = torch.arange(N, dtype: int64) });

var sampler = new ImportanceSampler(N, seed: 12);
using var train = new EpochDataLoader(data, batchSize: 128, sampler: sampler);
using var scoring = new EpochDataLoader(data, batchSize: 4096);

var model = Sequential(("fc1", Linear(Features, 128)), ("relu", ReLU()), ("fc2", Linear(128, Classes)));
var optimizer = torch.optim.SGD(model.parameters(), 0.1, momentum: 0.9);

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    // upper bound of the per-sample gradient norm: || softmax(logits) - onehot(y) ||
    var scores = torch.zeros(N);
    using (torch.no_grad())
    {
        foreach (var batch in scoring)
        {
            var p = functional.softmax(model.forward(batch["data"]), dim: 1);
            var bound = (p - functional.one_hot(batch["label"], Classes)).norm(1);
            scores.index_copy_(0, batch["index"], bound);
        }
    }
    sampler.Update(scores);
    sampler.SetEpoch(epoch);

    double total = 0;
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        var perSample = functional.cross_entropy(model.forward(batch["data"]), batch["label"], reduction: Reduction.None);
        var w = sampler.UnbiasingWeights(batch["index"]);   // 1 / (N p_i)
        var loss = (perSample * w).mean();
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch}: weighted loss {total / train.Count:F4}");
}

sealed class ImportanceSampler(long length, int seed, double smoothing = 0.1) : ISampler, IEpochAware
{
    private Tensor _p = torch.full(length, 1.0 / length);
    private int _epoch;

    public long Count => length;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public void Update(Tensor scores)
    {
        var p = scores / scores.sum();
        _p = (1 - smoothing) * p + smoothing / length;   // mix with uniform so every sample stays reachable
    }

    public Tensor UnbiasingWeights(Tensor indices) => 1.0 / (length * _p.index_select(0, indices));

    public IEnumerator<long> GetEnumerator()
    {
        var generator = new torch.Generator((ulong)(seed * 1000 + _epoch));
        using var drawn = torch.multinomial(_p, length, replacement: true, generator: generator);
        foreach (var i in drawn.data<long>().ToArray()) yield return i;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
