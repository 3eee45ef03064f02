// Scenario: self-paced curriculum (samples above a growing loss threshold get weight 0); the loader is built with sampler: new RandomSampler(...) and no batch sampler, so reshuffling through loader.Sampler reaches the RandomSampler itself (right).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int N = 7000, Features = 18, Classes = 3, EpochCount = 35;
const double InitialThreshold = 0.4, Growth = 1.15;

torch.manual_seed(6);
var x = torch.randn(N, Features);
var y = (x[.., 0] - x[.., 5]).bucketize(torch.tensor(new[] { -0.7f, 0.7f }));
var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = y });
using var loader = new EpochDataLoader(data, batchSize: 64, sampler: new RandomSampler(data.Count, seed: 6));

var model = Sequential(("fc1", Linear(Features, 64)), ("relu", ReLU()), ("fc2", Linear(64, Classes)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
var threshold = InitialThreshold;

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    // the loader has no batch sampler of ours, so its Sampler is the RandomSampler above
    if (loader.Sampler is IEpochAware shuffler) shuffler.SetEpoch(epoch);

    long admitted = 0, seen = 0;
    double total = 0;
    foreach (var batch in loader)
    {
        using var scope = torch.NewDisposeScope();
        var perSample = functional.cross_entropy(model.forward(batch["data"]), batch["label"], reduction: Reduction.None);

        // self-paced weights: only samples the model already finds easy enough count
        var v = perSample.detach().lt(threshold).to(float32);
        var loss = (perSample * v).sum() / v.sum().clamp_min(1);

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        admitted += (long)v.sum().item<float>();
        seen += v.shape[0];
        total += loss.item<float>();
    }

    Console.WriteLine($"epoch {epoch}: threshold {threshold:F2}, {100.0 * admitted / seen:F1}% admitted, loss {total / loader.Count:F4}");
    threshold *= Growth;   // admit harder samples as training goes on
}
