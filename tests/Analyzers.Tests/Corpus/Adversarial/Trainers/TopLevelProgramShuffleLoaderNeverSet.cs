// Scenario: a top-level program iterates a `using var` shuffle: true loader for several epochs and never sets its epoch: the same order each epoch (bug); the evaluation loader is unshuffled.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int Epochs = 8;
var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);

using var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 1);
using var test = new EpochDataLoader(testSet, batchSize: 1000);

var model = nn.Sequential(nn.Flatten(), nn.Linear(784, 300), nn.ReLU(), nn.Linear(300, 100), nn.ReLU(), nn.Linear(100, 10));
var optimizer = optim.SGD(model.parameters(), learningRate: 0.05, momentum: 0.9, nesterov: true);
var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 3, gamma: 0.5);

for (int epoch = 1; epoch <= Epochs; epoch++)
{
    model.train();
    foreach (var batch in train) //! CMP002
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
    scheduler.step();

    model.eval();
    using (no_grad())
    {
        var accuracy = test.Average(b => model.forward(b["data"]).argmax(1).eq(b["label"]).to_type(ScalarType.Float32).mean().item<float>());
        Console.WriteLine($"epoch {epoch}/{Epochs}: {accuracy:P2}");
    }
}
