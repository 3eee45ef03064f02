// Scenario: a top-level metric-learning script with a P×K ClassBalancedBatchSampler has the Composer bug — it sets the epoch through `train.Sampler` only — and each epoch prints the batch sampler's size through a local function `LogEpoch(epoch, train.BatchSampler)` that only reads `Count`. CMP001: "Still flagged: a pass that only *reads* the batch sampler …, or hands it … to a method in view that sets nothing of the parameter that receives it"; local functions are "always in view" and LogEpoch sets nothing: CMP001 on the sampler's setter.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var labels = Enumerable.Range(0, 4000).Select(i => (long)(i % 40)).ToArray();
var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 64), ["y"] = tensor(labels) });
using var train = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 9));

var embed = nn.Sequential(("fc1", nn.Linear(64, 128)), ("act", nn.ReLU()), ("fc2", nn.Linear(128, 32)));
var optimizer = optim.Adam(embed.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < 25; epoch++)
{
    if (train.Sampler is IEpochAware reshuffle) reshuffle.SetEpoch(epoch); //! CMP001
    LogEpoch(epoch, train.BatchSampler);
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var z = nn.functional.normalize(embed.forward(batch["x"]), dim: 1);
        var sim = z.matmul(z.t());
        var same = batch["y"].unsqueeze(1).eq(batch["y"].unsqueeze(0)).to_type(ScalarType.Float32);
        var loss = nn.functional.binary_cross_entropy_with_logits(sim * 10, same);
        loss.backward();
        optimizer.step();
    }
}

void LogEpoch(int epoch, IBatchSampler batches) => Console.WriteLine($"epoch {epoch}: {batches.Count} P×K batches");
