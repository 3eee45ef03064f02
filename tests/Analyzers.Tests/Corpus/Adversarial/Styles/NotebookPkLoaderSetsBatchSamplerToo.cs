// Scenario: a metric-learning notebook keeps an old `(pk.Sampler as IEpochAware)?.SetEpoch(epoch)` line but also sets the epoch on pk.BatchSampler through an `is IEpochAware` pattern in the same pass, and a later experiment cell uses pk.SetEpoch(epoch) (right: the batch sampler is handled, nothing flagged).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using HeldOut3.Styles.NotebookPkLoaderSetsBatchSamplerToo;

// %% [1] embeddings of 40 identities
var labels = Enumerable.Range(0, 4000).Select(i => (long)(i / 100)).ToArray();
var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["x"] = randn(4000, 64) + tensor(labels).to(float32).unsqueeze(1) * 0.05,
    ["y"] = tensor(labels),
});

// %% [2] P×K loader: 10 identities × 6 samples per batch
var pk = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 10, samplesPerClass: 6, seed: 11));
Console.WriteLine($"{pk.BatchSampler.Count} batches per epoch");

// %% [3] model
var embed = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 32));
var opt = optim.Adam(embed.parameters(), lr: 1e-3);

// %% [4] train
for (int epoch = 0; epoch < 10; epoch++)
{
    (pk.Sampler as IEpochAware)?.SetEpoch(epoch);          // left over from the shuffle: true version
    if (pk.BatchSampler is IEpochAware batches) batches.SetEpoch(epoch);

    double total = 0;
    foreach (var batch in pk)
        total += Losses.BatchHard(embed, opt, batch["x"], batch["y"], margin: 0.3);
    Console.WriteLine($"epoch {epoch}: {total / pk.Count:F4}");
}

// %% [5] try a larger margin for a few more epochs
for (int epoch = 10; epoch < 14; epoch++)
{
    pk.SetEpoch(epoch);
    var mean = pk.Select(b => Losses.BatchHard(embed, opt, b["x"], b["y"], margin: 0.5)).Average();
    Console.WriteLine($"epoch {epoch} (margin 0.5): {mean:F4}");
}

// %% [6] recall@1 on the training identities
using (no_grad())
{
    var z = nn.functional.normalize(embed.forward(data.Columns["x"]), dim: 1);
    var sim = z.matmul(z.t()) - 3 * eye(z.shape[0]);
    var nearest = sim.argmax(1);
    var recall = tensor(labels)[nearest].eq(tensor(labels)).to(float32).mean().item<float>();
    Console.WriteLine($"recall@1 {recall:P1}");
}

namespace HeldOut3.Styles.NotebookPkLoaderSetsBatchSamplerToo
{
    public static class Losses
    {
        public static double BatchHard(nn.Module<Tensor, Tensor> model, optim.Optimizer opt, Tensor x, Tensor y, double margin)
        {
            opt.zero_grad();
            using var z = nn.functional.normalize(model.forward(x), dim: 1);
            using var dist = cdist(z, z);
            using var same = y.unsqueeze(1).eq(y.unsqueeze(0));
            using var hardestPositive = dist.masked_fill(same.logical_not(), 0).amax(new long[] { 1 });
            using var hardestNegative = dist.masked_fill(same, 1e4).amin(new long[] { 1 });
            using var loss = nn.functional.relu(hardestPositive - hardestNegative + margin).mean();
            loss.backward();
            opt.step();
            return loss.item<float>();
        }
    }
}
