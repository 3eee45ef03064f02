// Scenario: beginner trains with `foreach (var epoch in Enumerable.Range(0, 5))` and `trainLoader.SetEpoch(epoch)`, then evaluates a test loader built with shuffle: true exactly once after training: right, the test loader is read in no epoch loop, no diagnostic
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var classes = new[] { "T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot" };

var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);
var trainLoader = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 10);

var model = Sequential(
    ("flatten", Flatten()),
    ("fc1", Linear(784, 128)),
    ("relu", ReLU()),
    ("fc2", Linear(128, 10)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.001);

foreach (var epoch in Enumerable.Range(0, 5))
{
    trainLoader.SetEpoch(epoch);
    foreach (var batch in trainLoader)
    {
        using var scope = torch.NewDisposeScope();
        var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
    Console.WriteLine($"finished epoch {epoch + 1}");
}

// final evaluation
// TODO: does the test set need shuffle? doesn't hurt I guess
var testLoader = new EpochDataLoader(testSet, batchSize: 500, shuffle: true);
model.eval();
var correct = 0L;
using (torch.no_grad())
{
    var shown = false;
    foreach (var batch in testLoader)
    {
        var predicted = model.forward(batch["data"]).argmax(1);
        correct += predicted.eq(batch["label"]).sum().item<long>();

        // show a few predictions
        if (!shown)
        {
            for (var i = 0; i < 5; i++)
                Console.WriteLine($"predicted: {classes[predicted[i].item<long>()]}, actual: {classes[batch["label"][i].item<long>()]}");
            shown = true;
        }
    }
}
Console.WriteLine($"Test accuracy: {100.0 * correct / testSet.Count:F2}%");
