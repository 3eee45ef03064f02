// Scenario: notebook ensemble of classifiers; each member rebuilds its TorchSharp DataLoader inside the epoch loop with seed 1000 * member + epoch, so every epoch gets a new, reproducible order — right
using Composer.Data;
using Composer.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

int members = 4, epochs = 10;
using var trainSet = new FashionMnist(train: true);
using var testSet = new FashionMnist(train: false);
var testLoader = new DataLoader(testSet, 500, shuffle: false, disposeDataset: false);

var nets = new List<Module<Tensor, Tensor>>();
for (int member = 0; member < members; member++)
{
    Reproducibility.SeedAll(member);
    var net = Sequential(("flat", Flatten()), ("h", Linear(784, 300)), ("act", GELU()), ("out", Linear(300, 10)));
    var opt = optim.SGD(net.parameters(), 0.05, momentum: 0.9, nesterov: true);

    for (int epoch = 0; epoch < epochs; epoch++)
    {
        // TorchSharp's loader can't be told the epoch, so make a fresh one with a per-epoch seed
        using var loader = new DataLoader(trainSet, 64, shuffle: true, seed: 1000 * member + epoch, disposeDataset: false);
        net.train();
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            var loss = functional.cross_entropy(net.forward(batch["data"]), batch["label"]);
            opt.zero_grad();
            loss.backward();
            opt.step();
        }
    }
    net.eval();
    nets.Add(net);
    Console.WriteLine($"member {member} done");
}

// ensemble accuracy and mean predictive entropy on the test split
long correct = 0;
double entropy = 0;
using (no_grad())
{
    foreach (var batch in testLoader)
    {
        using var scope = NewDisposeScope();
        var probs = stack(nets.Select(n => functional.softmax(n.forward(batch["data"]), 1)).ToArray()).mean(new long[] { 0 });
        correct += probs.argmax(1).eq(batch["label"]).sum().item<long>();
        entropy += (-(probs * (probs + 1e-12).log()).sum(1)).sum().item<float>();
    }
}
Console.WriteLine($"ensemble acc {correct / (double)testSet.Count:P2}, mean entropy {entropy / testSet.Count:F3}");
