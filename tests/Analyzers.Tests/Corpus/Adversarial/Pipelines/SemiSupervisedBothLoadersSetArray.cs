// Scenario: a semi-supervised top-level program sets the epoch of both shuffling loaders (labelled and unlabelled) through a loop over new[] { labelled, unlabelled } before zipping them each epoch — right, nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

int epochs = 30;
const float Threshold = 0.95f;

var labelledSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.randn(2_000, 3, 32, 32),
    ["label"] = torch.randint(0, 10, new long[] { 2_000 }),
});
var unlabelledSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["weak"] = torch.randn(14_000, 3, 32, 32),
    ["strong"] = torch.randn(14_000, 3, 32, 32),
});

using var labelled = new EpochDataLoader(labelledSet, batchSize: 16,
    sampler: new RandomSampler(labelledSet.Count, seed: 3, replacement: true, numSamples: 7_000 * 16 / 112));
using var unlabelled = new EpochDataLoader(unlabelledSet, batchSize: 112, shuffle: true, seed: 4, dropLast: true);

var model = nn.Sequential(nn.Flatten(), nn.Linear(3 * 32 * 32, 256), nn.ReLU(), nn.Linear(256, 10));
var optimizer = optim.SGD(model.parameters(), learningRate: 0.03, momentum: 0.9, nesterov: true);

for (int epoch = 0; epoch < epochs; epoch++)
{
    foreach (var l in new[] { labelled, unlabelled })
        l.SetEpoch(epoch);

    double supTotal = 0, unsupTotal = 0;
    int steps = 0;
    foreach (var (x, u) in labelled.Zip(unlabelled))
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var sup = nn.functional.cross_entropy(model.call(x["data"]), x["label"]);
        Tensor pseudo, mask;
        using (torch.no_grad())
        {
            var (conf, arg) = nn.functional.softmax(model.call(u["weak"]), 1).max(1);
            pseudo = arg;
            mask = conf.ge(Threshold).to_type(ScalarType.Float32);
        }
        var unsup = (nn.functional.cross_entropy(model.call(u["strong"]), pseudo, reduction: nn.Reduction.None) * mask).mean();
        (sup + unsup).backward();
        optimizer.step();
        supTotal += sup.item<float>();
        unsupTotal += unsup.item<float>();
        steps++;
    }

    Console.WriteLine($"epoch {epoch}: sup {supTotal / steps:F4} unsup {unsupTotal / steps:F4}");
}
