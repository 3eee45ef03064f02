// Scenario: a top-level program trains with a ClassBalancedBatchSampler loader and sets the epoch through `train.Sampler is IEpochAware`; its unshuffled DistributedSampler eval loader is fine: one bug.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);
var labels = trainSet.Columns["label"].data<long>().ToArray();

using var train = new EpochDataLoader(trainSet, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 10, samplesPerClass: 6));
using var test = new EpochDataLoader(testSet, batchSize: 1000, sampler: new DistributedSampler(testSet.Count, shuffle: false));

var model = nn.Sequential(
    nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(64 * 5 * 5, 10));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < 5; epoch++)
{
    if (train.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001

    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }

    model.eval();
    long correct = 0;
    using (no_grad())
    {
        foreach (var batch in test)
        {
            using var scope = NewDisposeScope();
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
        }
    }
    Console.WriteLine($"epoch {epoch}: {100.0 * correct / testSet.Count:F2}%");
}
