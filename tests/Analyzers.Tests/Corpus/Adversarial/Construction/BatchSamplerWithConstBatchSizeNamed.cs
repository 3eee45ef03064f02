// Scenario: A script builds a BatchSampler of BatchSize and also passes batchSize: BatchSize (a const 64) to EpochDataLoader; the runtime rejects a batch size other than 1 next to a batch sampler (bug: CMP006), the epoch handling is right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int BatchSize = 64;
const int MaxEpochs = 8;

var trainSet = new FashionMnist(train: true);
var batches = new BatchSampler(new DistributedSampler(trainSet.Count, seed: 5), BatchSize, dropLast: true);
using var loader = new EpochDataLoader(trainSet, batchSize: BatchSize, batchSampler: batches); //! CMP006

var model = nn.Sequential(
    ("conv", nn.Conv2d(1, 8, 3, padding: 1)),
    ("act", nn.ReLU()),
    ("pool", nn.AdaptiveAvgPool2d(7)),
    ("flatten", nn.Flatten()),
    ("fc", nn.Linear(8 * 7 * 7, 10)));
var optimizer = optim.RMSProp(model.parameters(), lr: 1e-3);
var criterion = nn.CrossEntropyLoss();

for (int epoch = 0; epoch < MaxEpochs; epoch++)
{
    loader.SetEpoch(epoch);
    model.train();
    long seen = 0;
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = criterion.forward(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        seen += batch["label"].shape[0];
    }
    Console.WriteLine($"epoch {epoch}: {seen} samples in {loader.Count} batches");
}

model.save("cnn.bin");
