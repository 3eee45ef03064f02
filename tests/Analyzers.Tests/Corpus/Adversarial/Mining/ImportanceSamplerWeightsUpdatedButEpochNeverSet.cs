// Scenario: importance sampling with a loss-proportional sampler of the user's (epoch-aware, draws from seed + epoch); weights are refreshed every epoch but the epoch is never set, so every epoch draws with the epoch-0 generator (wrong).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int N = 6000, Features = 20, EpochCount = 15;

torch.manual_seed(1);
var x = torch.randn(N, Features);
var y = (x[.., 0] * 2 - x[.., 1] + 0.1 * torch.randn(N)).unsqueeze(1);
var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["target"] = y, ["index"] = torch.arange(N, dtype: int64) });

var importance = new LossProportionalSampler(N, numSamples: N, seed: 99);
using var train = new EpochDataLoader(data, batchSize: 128, sampler: importance);
using var scoring = new EpochDataLoader(data, batchSize: 1024);   // in order, for the per-sample losses

var model = Sequential(("l1", Linear(Features, 64)), ("act", Tanh()), ("l2", Linear(64, 1)));
var optimizer = torch.optim.SGD(model.parameters(), 0.05, momentum: 0.9);

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    // refresh importance weights from the current per-sample losses
    var perSample = torch.zeros(N);
    using (torch.no_grad())
    {
        foreach (var batch in scoring)
        {
            var err = (model.forward(batch["data"]) - batch["target"]).pow(2).squeeze(1);
            perSample.index_copy_(0, batch["index"], err);
        }
    }
    importance.UpdateWeights(perSample);

    double sum = 0; int steps = 0;
    foreach (var batch in train) //! CMP002
    {
        using var _ = torch.NewDisposeScope();
        var loss = functional.mse_loss(model.forward(batch["data"]), batch["target"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        sum += loss.item<float>(); steps++;
    }
    Console.WriteLine($"epoch {epoch}: mse {sum / steps:F4}");
}

/// <summary>Draws samples with replacement, proportionally to their last loss (plus a floor so no sample starves).</summary>
sealed class LossProportionalSampler(long length, long numSamples, int seed, double floor = 0.05) : ISampler, IEpochAware
{
    private Tensor _weights = torch.ones(length);
    private int _epoch;

    public long Count => numSamples;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public void UpdateWeights(Tensor losses)
    {
        var w = losses / losses.mean().clamp_min(1e-12);
        _weights.Dispose();
        _weights = w.clamp_min(floor);
    }

    public IEnumerator<long> GetEnumerator()
    {
        var generator = new torch.Generator((ulong)(seed + _epoch));
        using var drawn = torch.multinomial(_weights, numSamples, replacement: true, generator: generator);
        foreach (var i in drawn.data<long>().ToArray()) yield return i;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
