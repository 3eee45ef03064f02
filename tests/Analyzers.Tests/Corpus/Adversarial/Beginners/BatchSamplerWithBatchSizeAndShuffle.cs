// Scenario: beginner passes a BatchSampler and also keeps `batchSize: 32, shuffle: true` from the tutorial's loader line "to be sure": wrong, the runtime rejects both arguments next to a batch sampler (CMP006 on each), even though the epoch is set correctly
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var trainSet = new FashionMnist();

var randomOrder = new RandomSampler(trainSet.Count, seed: 11);
var batches = new BatchSampler(randomOrder, 32, dropLast: true);
var trainLoader = new EpochDataLoader(trainSet, batchSize: 32, shuffle: true, batchSampler: batches); //! CMP006 CMP006

var model = Sequential(
    ("flatten", Flatten()),
    ("fc1", Linear(784, 100)),
    ("sig", Sigmoid()),
    ("fc2", Linear(100, 10)));
var optimizer = torch.optim.SGD(model.parameters(), 0.5);
var criterion = CrossEntropyLoss();

Console.WriteLine($"{trainLoader.Count} batches per epoch");

for (int epoch = 0; epoch < 10; epoch++)
{
    trainLoader.SetEpoch(epoch);

    var correct = 0L;
    var seen = 0L;
    foreach (var batch in trainLoader)
    {
        using var scope = torch.NewDisposeScope();
        var logits = model.forward(batch["data"]);
        var loss = criterion.forward(logits, batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        correct += logits.argmax(1).eq(batch["label"]).sum().item<long>();
        seen += batch["label"].shape[0];
    }
    Console.WriteLine($"epoch {epoch + 1}/10 - train acc {(double)correct / seen:P2}");
}
