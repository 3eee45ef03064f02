// Scenario: a product model trains a category classifier and a triplet-loss embedding head side by side; the embedding loader is given a P×K ClassBalancedBatchSampler but also keeps batchSize: 64 and shuffle: true copied from the classifier's loader, which the runtime rejects (wrong: CMP006 twice on that creation). Both loaders' epochs are set.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int epochs = 40;
const float margin = 0.2f;

using var catalog = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.load("data/products/images_64.pt"),
    ["label"] = torch.load("data/products/category.pt"),
    ["sku"] = torch.load("data/products/sku.pt"),
});
long[] skus = catalog.Columns["sku"].data<long>().ToArray();

using var categoryLoader = new EpochDataLoader(catalog, batchSize: 64, shuffle: true, seed: 3);
using var tripletLoader = new EpochDataLoader(catalog, batchSize: 64, shuffle: true, //! CMP006 CMP006
    batchSampler: new ClassBalancedBatchSampler(skus, classesPerBatch: 16, samplesPerClass: 4, seed: 3));

var trunk = nn.Sequential(
    nn.Conv2d(3, 32, 3, padding: 1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding: 1), nn.BatchNorm2d(64), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten());
var categoryHead = nn.Linear(64, 120);
var embeddingHead = nn.Linear(64, 32);
var optimizer = optim.AdamW(trunk.parameters().Concat(categoryHead.parameters()).Concat(embeddingHead.parameters()), 1e-3);

for (int epoch = 0; epoch < epochs; epoch++)
{
    categoryLoader.SetEpoch(epoch);
    tripletLoader.SetEpoch(epoch);

    foreach (var batch in categoryLoader)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(categoryHead.call(trunk.call(batch["data"])), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }

    double tripletTotal = 0;
    foreach (var batch in tripletLoader)
    {
        using var scope = NewDisposeScope();
        var emb = nn.functional.normalize(embeddingHead.call(trunk.call(batch["data"])), dim: 1);
        var loss = BatchHardTriplet(emb, batch["sku"], margin);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        tripletTotal += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch}: triplet {tripletTotal / tripletLoader.Count:F4}");
}

// batch-hard mining: hardest positive and hardest negative per anchor
static Tensor BatchHardTriplet(Tensor emb, Tensor ids, float margin)
{
    var dist = cdist(emb, emb);
    var same = ids.unsqueeze(0).eq(ids.unsqueeze(1));
    var hardestPos = dist.masked_fill(same.logical_not(), 0).max(1).values;
    var hardestNeg = dist.masked_fill(same, float.PositiveInfinity).min(1).values;
    return nn.functional.relu(hardestPos - hardestNeg + margin).mean();
}
