// Scenario: metric learning with a distributed P×K ClassBalancedBatchSampler whose loader gets Epochs.SetEpoch each epoch, plus a recall@k local function iterating a plain non-shuffling gallery loader every few epochs: correct.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
var trainSet = new FashionMnist(train: true);
var gallerySet = new FashionMnist(train: false);
long[] labels = trainSet.Columns["label"].data<long>().ToArray();

var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 10, samplesPerClass: 6, seed: 5, numReplicas: Dist.WorldSize, rank: Dist.Rank);
var train = new EpochDataLoader(trainSet, batchSampler: pk);
var gallery = new EpochDataLoader(gallerySet, 256);

var embedder = nn.Sequential(
    ("conv1", nn.Conv2d(1, 32, 3, padding: 1)), ("r1", nn.ReLU()), ("p1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(32, 64, 3, padding: 1)), ("r2", nn.ReLU()), ("p2", nn.AdaptiveAvgPool2d(1)),
    ("flat", nn.Flatten()), ("emb", nn.Linear(64, 128)));
var opt = optim.Adam(embedder.parameters(), lr: 5e-4);
using var reducer = new GradientAllReducer(embedder);
reducer.BroadcastParameters();

double RecallAtK(int k)
{
    embedder.eval();
    var embeddings = new List<Tensor>();
    var targets = new List<Tensor>();
    using (no_grad())
    {
        foreach (var batch in gallery)
        {
            embeddings.Add(nn.functional.normalize(embedder.forward(batch["data"]), dim: 1).detach().clone());
            targets.Add(batch["label"].clone());
        }
    }
    using var scope = NewDisposeScope();
    var e = cat(embeddings, 0);
    var y = cat(targets, 0);
    var distances = cdist(e, e) + eye(e.shape[0]) * 1e6f;
    var neighbours = distances.topk(k, largest: false).indexes;
    var hit = y[neighbours].eq(y.unsqueeze(1)).any(1);
    embedder.train();
    return hit.to_type(ScalarType.Float32).mean().item<float>();
}

const float Margin = 0.2f;
for (int epoch = 0; epoch < 30; epoch++)
{
    Epochs.SetEpoch(train, epoch);
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        opt.zero_grad();
        var z = nn.functional.normalize(embedder.forward(batch["data"]), dim: 1);
        var y = batch["label"];
        var d = cdist(z, z);
        var same = y.unsqueeze(0).eq(y.unsqueeze(1));
        var hardestPositive = d.masked_fill(same.logical_not(), 0).amax(1);
        var hardestNegative = d.masked_fill(same, float.PositiveInfinity).amin(1);
        var loss = nn.functional.relu(hardestPositive - hardestNegative + Margin).mean();
        loss.backward();
        reducer.AverageGradients();
        opt.step();
    }

    if (epoch % 5 == 4 && Dist.Rank == 0)
        Console.WriteLine($"epoch {epoch}: recall@1 {RecallAtK(1):P1}, recall@5 {RecallAtK(5):P1}");
}
