// Scenario: a Composer-style script picks its train loader with a switch expression (one arm uses a class-balanced batch sampler) and sets only the Sampler's epoch in the loop, which misses the batch-sampler arm (bug).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

string sampling = args.Length > 0 ? args[0] : "pk";
var ds = new FashionMnist(FashionMnist.DefaultFolder, train: true);
var labels = ds.Columns["label"].data<long>().ToArray();

using var train = sampling switch
{
    "pk" => new EpochDataLoader(ds, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 17)),
    "ddp" => new EpochDataLoader(ds, batchSize: 32, sampler: new DistributedSampler(ds.Count, seed: 17)),
    _ => new EpochDataLoader(ds, batchSize: 32, shuffle: true, seed: 17),
};

var model = nn.Sequential(
    ("conv", nn.Conv2d(1, 16, 3, padding: 1)),
    ("relu", nn.ReLU()),
    ("pool", nn.AdaptiveAvgPool2d(4)),
    ("flatten", nn.Flatten()),
    ("fc", nn.Linear(16 * 4 * 4, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < 10; epoch++)
{
    if (train.Sampler is IEpochAware sampler)
        sampler.SetEpoch(epoch); //! CMP001

    double total = 0;
    foreach (var batch in train)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch} ({sampling}): {total / train.Count:F4}");
}
