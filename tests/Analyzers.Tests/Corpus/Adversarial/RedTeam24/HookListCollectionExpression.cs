// Scenario: a top-level multi-task script collects its epoch-start hooks in a collection expression, `Action<int>[] onEpochStart = [e => Epochs.SetEpoch(train, e), e => aux.SetEpoch(e), e => Console.WriteLine(...)]`, written once before the loop, and calls every hook with the loop's epoch at the top of each pass. Correct: a setter called by a lambda written as an element of an array or collection expression, with the lambda's own parameter as the epoch, counts on every pass (rules overview, Epoch setter). Nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

int epochs = 20;
var mainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4096, 16), ["y"] = randint(0, 3, 4096) });
var auxSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1024, 16), ["y"] = randn(1024, 1) });

using var train = new EpochDataLoader(mainSet, batchSize: 64, shuffle: true, seed: 10);
using var aux = new EpochDataLoader(auxSet, batchSize: 16, shuffle: true, seed: 11);

var trunk = Sequential(Linear(16, 64), ReLU());
var classify = Linear(64, 3);
var regress = Linear(64, 1);
var parameters = trunk.parameters().Concat(classify.parameters()).Concat(regress.parameters());
var optimizer = optim.Adam(parameters, lr: 1e-3);

Action<int>[] onEpochStart =
[
    e => Epochs.SetEpoch(train, e),
    e => aux.SetEpoch(e),
    e => Console.WriteLine($"epoch {e} starting"),
];

for (int epoch = 0; epoch < epochs; epoch++)
{
    foreach (var hook in onEpochStart) hook(epoch);

    foreach (var (main, side) in train.Zip(aux))
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var lossMain = functional.cross_entropy(classify.call(trunk.call(main["x"])), main["y"]);
        var lossAux = functional.mse_loss(regress.call(trunk.call(side["x"])), side["y"]);
        var loss = lossMain + 0.3 * lossAux;
        loss.backward();
        optimizer.step();
    }
}
