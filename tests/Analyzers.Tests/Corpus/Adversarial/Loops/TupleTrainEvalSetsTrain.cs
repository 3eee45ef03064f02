// Scenario: a factory returns a named tuple (Train, Eval) of loaders; the epoch loop sets loaders.Train's epoch through Epochs.SetEpoch before iterating it and evaluates on loaders.Eval: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

static (EpochDataLoader Train, EpochDataLoader Eval) MakeLoaders(InMemoryDataset train, InMemoryDataset test, int seed) =>
    (new EpochDataLoader(train, batchSize: 128, shuffle: true, seed: seed),
     new EpochDataLoader(test, batchSize: 1000));

using var trainSet = new FashionMnist(train: true);
using var testSet = new FashionMnist(train: false);
var loaders = MakeLoaders(trainSet, testSet, seed: 5);
var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 128)), ("relu", nn.ReLU()), ("fc2", nn.Linear(128, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < 10; epoch++)
{
    Epochs.SetEpoch(loaders.Train, epoch);
    foreach (var batch in loaders.Train)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }

    long correct = 0;
    using (torch.no_grad())
    {
        foreach (var batch in loaders.Eval)
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
    }
    Console.WriteLine($"epoch {epoch}: {(double)correct / testSet.Count:P2}");
}
loaders.Train.Dispose();
loaders.Eval.Dispose();
