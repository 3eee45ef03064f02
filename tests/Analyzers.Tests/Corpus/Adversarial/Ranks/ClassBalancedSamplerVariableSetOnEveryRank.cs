// Scenario: metric-learning DDP loop keeps the per-rank ClassBalancedBatchSampler in a variable and calls pk.SetEpoch(epoch) on every rank before the batch loop; rank 0 logs — right
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
var isRankZero = Dist.Rank == 0;
var gallery = new FashionMnist(train: true);
var labels = gallery.Columns["label"].data<long>().ToArray();

var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 10, samplesPerClass: 6, seed: 2,
    numReplicas: Dist.WorldSize, rank: Dist.Rank);
using var loader = new EpochDataLoader(gallery, batchSampler: pk);

var encoder = nn.Sequential(
    ("conv", nn.Conv2d(1, 32, 5, padding: 2)), ("relu", nn.ReLU()), ("pool", nn.AdaptiveAvgPool2d(4)),
    ("flat", nn.Flatten()), ("proj", nn.Linear(32 * 16, 128)));
using var reducer = new GradientAllReducer(encoder);
reducer.BroadcastParameters();
var opt = optim.Adam(encoder.parameters(), lr: 3e-4);
var triplet = nn.TripletMarginLoss(margin: 0.2);

for (int epoch = 0; epoch < 40; epoch++)
{
    pk.SetEpoch(epoch);
    double total = 0;
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        opt.zero_grad();
        var z = nn.functional.normalize(encoder.forward(batch["data"]), dim: 1);
        // batches come as P groups of K: anchor = 1st, positive = 2nd of each group, negative = next group's 1st
        var groups = z.view(10, 6, -1);
        var anchor = groups[.., 0];
        var positive = groups[.., 1];
        var negative = groups[.., 0].roll(1, 0);
        var loss = triplet.forward(anchor, positive, negative);
        loss.backward();
        reducer.AverageGradients();
        opt.step();
        total += loss.item<float>();
    }
    if (isRankZero) Console.WriteLine($"epoch {epoch}: triplet loss {total / loader.Count:F4}");
}
