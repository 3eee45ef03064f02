// Scenario: notebook-style grid over learning rate × weight decay; each trial builds a shuffling loader and sets its epoch before a local TrainEpoch function iterates it — right
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

// --- data: synthetic 3-class spirals, same for every trial ---
Reproducibility.SeedAll(1234);
var (xTrain, yTrain) = Spirals(6000);
var (xVal, yVal) = Spirals(1500);
using var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = xTrain, ["label"] = yTrain });
using var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = xVal, ["label"] = yVal });

var grid = from lr in new[] { 0.01, 0.03, 0.1 }
           from wd in new[] { 0.0, 1e-4, 1e-3 }
           select (lr, wd);

const int epochs = 30;
var best = (lr: 0.0, wd: 0.0, acc: 0.0);

foreach (var (lr, wd) in grid)
{
    Reproducibility.SeedAll(7);
    var net = Sequential(("l1", Linear(2, 64)), ("a1", Tanh()), ("l2", Linear(64, 64)), ("a2", Tanh()), ("out", Linear(64, 3)));
    var opt = optim.SGD(net.parameters(), lr, momentum: 0.9, weight_decay: wd);
    var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 7);
    var val = new EpochDataLoader(valSet, batchSize: 500);

    double acc = 0;
    for (int epoch = 0; epoch < epochs; epoch++)
    {
        train.SetEpoch(epoch);
        var loss = TrainEpoch(net, opt, train);

        net.eval();
        long correct = 0;
        using (no_grad())
            foreach (var b in val)
                correct += net.forward(b["data"]).argmax(1).eq(b["label"]).sum().item<long>();
        acc = correct / (double)valSet.Count;
        if (epoch % 10 == 9) Console.WriteLine($"lr={lr} wd={wd} ep{epoch}: loss {loss:F3} acc {acc:P1}");
    }
    if (acc > best.acc) best = (lr, wd, acc);
}

Console.WriteLine($"best: lr={best.lr} wd={best.wd} acc={best.acc:P2}");

double TrainEpoch(Module<Tensor, Tensor> model, optim.Optimizer opt, EpochDataLoader loader)
{
    model.train();
    double total = 0;
    long n = 0;
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        opt.zero_grad();
        loss.backward();
        opt.step();
        total += loss.item<float>();
        n++;
    }
    return total / n;
}

static (Tensor x, Tensor y) Spirals(int n)
{
    var y = randint(0, 3, n, dtype: ScalarType.Int64);
    var r = rand(n);
    var t = y.to_type(ScalarType.Float32) * (2 * Math.PI / 3) + r * 4 + randn(n) * 0.2;
    var x = stack(new[] { r * cos(t), r * sin(t) }, 1);
    return (x, y);
}
