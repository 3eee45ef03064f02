// Scenario: data-parallel self-training under mpirun with a labelled loader (shuffle: true shards itself) and an unlabelled loader given an explicit DistributedSampler but also shuffle: true, which the runtime rejects (wrong: CMP006 on the unlabelled loader's creation). Both epochs are set every epoch.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
const int epochs = 30;
const double confidence = 0.9;

using var labeledSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.load("data/speech-commands/labeled_mfcc.pt"),
    ["label"] = torch.load("data/speech-commands/labeled_y.pt"),
});
using var unlabeledSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.load("data/speech-commands/unlabeled_mfcc.pt"),
});

using var labeled = new EpochDataLoader(labeledSet, batchSize: 64, shuffle: true, seed: 17);
using var unlabeled = new EpochDataLoader(unlabeledSet, batchSize: 256, shuffle: true, //! CMP006
    sampler: new DistributedSampler(unlabeledSet.Count, seed: 17, dropLast: true));

var model = nn.Sequential(
    nn.Conv1d(40, 64, 3, padding: 1), nn.ReLU(), nn.MaxPool1d(2),
    nn.Conv1d(64, 128, 3, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool1d(1), nn.Flatten(),
    nn.Linear(128, 35));
var optimizer = optim.Adam(model.parameters(), 1e-3);
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();

for (int epoch = 0; epoch < epochs; epoch++)
{
    labeled.SetEpoch(epoch);
    unlabeled.SetEpoch(epoch);

    using var unlabeledIt = unlabeled.GetEnumerator();
    double supervised = 0;
    int steps = 0;
    foreach (var batch in labeled)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        supervised += loss.item<float>();

        if (epoch >= 5 && unlabeledIt.MoveNext())
        {
            var x = unlabeledIt.Current["data"];
            Tensor pseudo, keep;
            using (no_grad())
            {
                var (p, y) = nn.functional.softmax(model.call(x), 1).max(1);
                pseudo = y;
                keep = p.ge(confidence).to_type(ScalarType.Float32);
            }
            var selfLoss = (nn.functional.cross_entropy(model.call(x), pseudo, reduction: nn.Reduction.None) * keep).mean();
            loss = loss + 0.5 * selfLoss;
        }

        optimizer.zero_grad();
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
        steps++;
    }

    if (Dist.Rank == 0)
        Console.WriteLine($"epoch {epoch}: supervised loss {supervised / steps:F4}");
}
