// Scenario: a top-level program sets the training loader's epoch in the loop and hands the loaders to static local functions TrainEpoch/Evaluate that iterate them; correct.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int epochs = 10;
var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);
using var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 2);
using var test = new EpochDataLoader(testSet, batchSize: 512);

var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 128)), ("act", ReLU()), ("fc2", Linear(128, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
var scheduler = optim.lr_scheduler.MultiStepLR(optimizer, new[] { 5, 8 }, gamma: 0.1);

for (int epoch = 0; epoch < epochs; epoch++)
{
    train.SetEpoch(epoch);
    var loss = TrainEpoch(model, optimizer, train);
    var accuracy = Evaluate(model, test);
    scheduler.step();
    Console.WriteLine($"Epoch {epoch + 1}/{epochs} - loss: {loss:F4} - accuracy: {accuracy:P2}");
}

static double TrainEpoch(Module<Tensor, Tensor> model, optim.Optimizer optimizer, EpochDataLoader loader)
{
    model.train();
    double total = 0;
    foreach (var batch in loader)
    {
        using var d = NewDisposeScope();
        optimizer.zero_grad();
        var loss = functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        total += loss.ToDouble();
    }
    return total / loader.Count;
}

static double Evaluate(Module<Tensor, Tensor> model, EpochDataLoader loader)
{
    model.eval();
    using var noGrad = no_grad();
    long correct = 0, seen = 0;
    foreach (var batch in loader)
    {
        using var d = NewDisposeScope();
        correct += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().ToInt64();
        seen += batch["label"].shape[0];
    }
    return (double)correct / seen;
}
