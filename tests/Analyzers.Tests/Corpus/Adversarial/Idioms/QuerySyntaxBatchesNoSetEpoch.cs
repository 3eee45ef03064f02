// Scenario: a top-level program reads batches with LINQ query syntax (from b in train select ...) from a shuffling EpochDataLoader in an epoch loop and never sets the epoch; wrong: the query iterates train in the same order every epoch.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int epochs = 12;
var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);
var train = new EpochDataLoader(trainSet, batchSize: 32, shuffle: true, seed: 3);
var test = new EpochDataLoader(testSet, batchSize: 256);

var model = Sequential(("flat", Flatten()), ("hidden", Linear(784, 64)), ("act", ReLU()), ("out", Linear(64, 10)));
var optimizer = optim.AdamW(model.parameters(), lr: 3e-4);
var criterion = CrossEntropyLoss();

for (int epoch = 1; epoch <= epochs; epoch++)
{
    model.train();
    var losses = new List<float>();
    foreach (var (x, y) in from b in train select (b["data"], b["label"])) //! CMP002
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = criterion.call(model.call(x), y);
        loss.backward();
        optimizer.step();
        losses.Add(loss.ToSingle());
    }

    model.eval();
    long correct;
    using (no_grad())
    {
        correct = (from b in test
                   select model.call(b["data"]).argmax(1).eq(b["label"]).sum().ToInt64()).Sum();
    }
    Console.WriteLine($"epoch {epoch}: loss {losses.Average():F4}, accuracy {100.0 * correct / testSet.Count:F2}%");
}
