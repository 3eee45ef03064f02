// Scenario: a top-level program sets the epoch with Epochs.SetEpoch, then drops the ragged last batch with a LINQ query (from b in train where ... select b), and peeks at one evaluation batch before training; correct.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int epochs = 12;
const int batchSize = 50;
var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);
var train = new EpochDataLoader(trainSet, batchSize: batchSize, shuffle: true, seed: 3);
var test = new EpochDataLoader(testSet, batchSize: 500);

var sample = (from b in test select b["data"]).First();
Console.WriteLine($"input shape: [{string.Join(", ", sample.shape)}]");

var model = Sequential(("flat", Flatten()), ("hidden", Linear(784, 64)), ("act", ReLU()), ("out", Linear(64, 10)));
var optimizer = optim.AdamW(model.parameters(), lr: 3e-4);
var criterion = CrossEntropyLoss();

for (int epoch = 0; epoch < epochs; epoch++)
{
    Epochs.SetEpoch(train, epoch);
    model.train();
    var full = from b in train where b["label"].shape[0] == batchSize select b;
    foreach (var batch in full)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = criterion.call(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }

    model.eval();
    using (no_grad())
    {
        var accuracy = (from b in test
                        select model.call(b["data"]).argmax(1).eq(b["label"]).to_type(ScalarType.Float32).mean().ToSingle()).Average();
        Console.WriteLine($"epoch {epoch + 1}/{epochs}: accuracy {100 * accuracy:F2}%");
    }
}
