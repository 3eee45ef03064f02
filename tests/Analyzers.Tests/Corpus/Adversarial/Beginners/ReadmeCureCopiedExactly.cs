// Scenario: beginner copies the README's ten-line example (BatchSampler over a DistributedSampler) and keeps only the "cure" line, `Epochs.SetEpoch(loader, epoch)`, before the batch loop; an unshuffled test loader is read every epoch: right, no diagnostic
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var data = new FashionMnist();
var testData = new FashionMnist(train: false);
var epochs = 10;

// copied from the README
var loader = new EpochDataLoader(data,
    batchSampler: new BatchSampler(new DistributedSampler(data.Count, seed: 7), 32));
var testLoader = new EpochDataLoader(testData, batchSize: 1000);

var model = Sequential(
    ("flatten", Flatten()),
    ("fc1", Linear(784, 128)),
    ("relu", ReLU()),
    ("fc2", Linear(128, 10)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);

for (int epoch = 0; epoch < epochs; epoch++)
{
    Epochs.SetEpoch(loader, epoch);                           // the cure: batch sampler, its sampler, the
                                                              // loader's sampler and the data set, once each
    model.train();
    var i = 0;
    foreach (var batch in loader)
    {
        // batch["data"], batch["label"]
        using var scope = torch.NewDisposeScope();
        var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        if (++i % 300 == 0) Console.WriteLine($"  batch {i}/{loader.Count}: {loss.item<float>():F4}");
    }

    model.eval();
    var correct = 0L;
    using (torch.no_grad())
    {
        foreach (var batch in testLoader)
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
    }
    Console.WriteLine($"epoch {epoch}: test accuracy {100.0 * correct / testData.Count:F1}%");
}
