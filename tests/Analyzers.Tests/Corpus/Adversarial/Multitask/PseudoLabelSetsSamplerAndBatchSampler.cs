// Scenario: semi-supervised pseudo-labelling with a class-balanced labelled loader (P×K batch sampler) and a shuffled unlabelled loader; ported from a PyTorch recipe, it sets the epoch on the labelled loader's Sampler and also on its BatchSampler, and on the whole unlabelled loader (correct: no diagnostic — the BatchSampler setter handles the batch sampler).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int epochs = 80;
const int warmupEpochs = 10;
const double threshold = 0.9;

using var labeledSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.load("data/plankton/labeled_x.pt"),
    ["label"] = torch.load("data/plankton/labeled_y.pt"),
});
using var unlabeledSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.load("data/plankton/unlabeled_x.pt"),
});
var labelList = labeledSet.Columns["label"].data<long>().ToArray();

// rare plankton classes would never show up in a plain shuffled batch
using var labeled = new EpochDataLoader(labeledSet,
    batchSampler: new ClassBalancedBatchSampler(labelList, classesPerBatch: 12, samplesPerClass: 4, seed: 3));
using var unlabeled = new EpochDataLoader(unlabeledSet, batchSize: 192, shuffle: true, seed: 4);

var model = nn.Sequential(
    nn.Conv2d(1, 32, 3, padding: 1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding: 1), nn.BatchNorm2d(64), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
    nn.Linear(64, 40));
var optimizer = optim.Adam(model.parameters(), 1e-3);

for (int epoch = 0; epoch < epochs; epoch++)
{
    // as in the PyTorch script: whichever of the two reshuffles gets the epoch
    if (labeled.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch);
    if (labeled.BatchSampler is IEpochAware batchSampler) batchSampler.SetEpoch(epoch);
    unlabeled.SetEpoch(epoch);

    using var pool = unlabeled.GetEnumerator();
    double total = 0;
    int steps = 0, accepted = 0;
    foreach (var batch in labeled)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);

        if (epoch >= warmupEpochs && pool.MoveNext())
        {
            var x = pool.Current["data"];
            Tensor pseudo, keep;
            model.eval();
            using (no_grad())
            {
                var (conf, cls) = nn.functional.softmax(model.call(x), 1).max(1);
                pseudo = cls;
                keep = conf.ge(threshold);
            }
            model.train();
            accepted += (int)keep.sum().item<long>();
            if (keep.any().item<bool>())
                loss = loss + nn.functional.cross_entropy(model.call(x[keep]), pseudo[keep]);
        }

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
        steps++;
    }
    Console.WriteLine($"epoch {epoch}: loss {total / steps:F4}, pseudo-labels accepted {accepted}");
}
