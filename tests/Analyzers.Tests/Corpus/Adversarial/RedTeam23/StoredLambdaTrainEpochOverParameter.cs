// Scenario: a top-level script stores its epoch body in a lambda, `Func<EpochDataLoader, double> trainEpoch = loader => { foreach (var batch in loader) … }`, and calls `trainEpoch(train)` once per epoch; nothing ever tells the shuffling `train` its epoch. The lambda is in view ("Local functions and lambdas of the member are always in view"; handing `train` to "a local whose every value is a lambda of the member" no longer counts as handing it on), and "a call of a method in view … that iterates `L` once per call … `L` given as an argument" iterates `L` at the call, where CMP002 reports "the loader argument of its call (`train` in `TrainOneEpoch(model, train)`)". Every epoch replays epoch 0's order. CMP002 on `train` in the call.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 16), ["y"] = randint(0, 3, new long[] { 4000 }) });
var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 3);
var model = nn.Sequential(("fc1", nn.Linear(16, 48)), ("act", nn.ReLU()), ("fc2", nn.Linear(48, 3)));
var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

Func<EpochDataLoader, double> trainEpoch = loader =>
{
    double total = 0;
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
    }
    return total / loader.Count;
};

for (int epoch = 0; epoch < 10; epoch++)
{
    var mean = trainEpoch(train); //! CMP002
    Console.WriteLine($"epoch {epoch}: {mean:F4}");
}
