// Scenario: P×K metric learning with batch-hard triplet mining; each epoch the user reshuffles through loader.Sampler only, but the loader draws from a ClassBalancedBatchSampler, so every epoch replays epoch 0's batches (wrong).
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int Classes = 40, PerClass = 25, FeatureDim = 128, EmbedDim = 32;
const int EpochCount = 30;
const double Margin = 0.2;

torch.manual_seed(0);
var features = torch.randn(Classes * PerClass, FeatureDim);
var labels = torch.arange(Classes, dtype: int64).repeat_interleave(PerClass);
var train = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = features, ["label"] = labels });

// 8 identities x 4 images per batch, the usual re-id setup
var pk = new ClassBalancedBatchSampler(labels.data<long>().ToArray(), classesPerBatch: 8, samplesPerClass: 4, seed: 17);
using var loader = new EpochDataLoader(train, batchSampler: pk);

var embedder = Sequential(
    ("fc1", Linear(FeatureDim, 256)),
    ("relu", ReLU()),
    ("fc2", Linear(256, EmbedDim)));
var optimizer = torch.optim.Adam(embedder.parameters(), lr: 3e-4);

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    embedder.train();
    (loader.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001

    double total = 0;
    int steps = 0, activeTriplets = 0;
    foreach (var batch in loader)
    {
        using var scope = torch.NewDisposeScope();
        var emb = functional.normalize(embedder.forward(batch["data"]), p: 2, dim: 1);
        var y = batch["label"];

        var dist = torch.cdist(emb, emb);
        var same = y.unsqueeze(0).eq(y.unsqueeze(1));

        // hardest positive: farthest sample with the same label
        var hardestPos = dist.masked_fill(same.logical_not(), 0.0).max(1).values;
        // hardest negative: closest sample with another label
        var hardestNeg = dist.masked_fill(same, double.PositiveInfinity).min(1).values;

        var perAnchor = functional.relu(hardestPos - hardestNeg + Margin);
        var loss = perAnchor.mean();

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        total += loss.item<float>();
        activeTriplets += (int)perAnchor.gt(0).sum().item<long>();
        steps++;
    }

    Console.WriteLine($"epoch {epoch,2}: triplet loss {total / Math.Max(steps, 1):F4}, active triplets {activeTriplets}, batches {loader.Count}");
}
