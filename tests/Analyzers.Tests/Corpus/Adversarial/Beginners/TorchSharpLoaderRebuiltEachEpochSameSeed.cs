// Scenario: beginner noticed the batches never changed, so now recreates the TorchSharp loader inside the epoch loop "to reshuffle" — with the same `seed: 1234` each time: still wrong, every rebuilt loader draws the same order (CMP003)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);

var model = Sequential(
    ("flatten", Flatten()),
    ("fc1", Linear(784, 200)),
    ("relu", ReLU()),
    ("fc2", Linear(200, 10)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.002);
var lossFn = CrossEntropyLoss();

var seed = 1234;
for (var epoch = 0; epoch < 8; epoch++)
{
    // new loader every epoch so it shuffles again (fixes the "same batches" thing?)
    using var trainLoader = torch.utils.data.DataLoader(trainSet, 64, shuffle: true, seed: seed); //! CMP003

    model.train();
    var sum = 0.0;
    var n = 0;
    foreach (var batch in trainLoader)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = lossFn.forward(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        sum += loss.item<float>();
        n++;
    }

    model.eval();
    using var testLoader = torch.utils.data.DataLoader(testSet, 1000);
    long right = 0;
    using (torch.no_grad())
    {
        foreach (var batch in testLoader)
            right += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
    }

    Console.WriteLine($"epoch {epoch}: loss {sum / n:F4}  acc {100.0 * right / testSet.Count:F2}%");
}
