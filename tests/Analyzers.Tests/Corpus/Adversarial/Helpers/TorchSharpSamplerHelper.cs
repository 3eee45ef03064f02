// Scenario: TorchSharp DataLoader given an epoch-aware RandomSampler as its shuffler (the CMP003 remedy); the TrainEpoch helper calls Epochs.SetEpoch(loader, epoch) before iterating, and the test DataLoader has shuffle: false. Correct, no finding: the helper sets "the parameter that receives L", and CMP003 needs "shuffle ... written and ... not the constant false".
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Heldout23.TorchSharpSamplerHelper;

public static class Program
{
    public static void Main()
    {
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(5000, 1, 12, 12),
            ["label"] = randint(0, 10, new long[] { 5000 }),
        });
        var testSet = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(1000, 1, 12, 12),
            ["label"] = randint(0, 10, new long[] { 1000 }),
        });
        using var train = new DataLoader(trainSet, 100, new RandomSampler(trainSet.Count, seed: 21));
        using var test = new DataLoader(testSet, 250, shuffle: false, seed: 21);

        var net = nn.Sequential(
            ("conv", nn.Conv2d(1, 8, 3)),
            ("relu", nn.ReLU()),
            ("flat", nn.Flatten()),
            ("fc", nn.Linear(8 * 10 * 10, 10)));
        var optimizer = optim.Adam(net.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < 10; epoch++)
        {
            var loss = TrainEpoch(net, train, optimizer, epoch);
            var acc = Evaluate(net, test);
            Console.WriteLine($"epoch {epoch}: loss={loss:F4} acc={acc:P2}");
        }
    }

    static double TrainEpoch(nn.Module<Tensor, Tensor> model, DataLoader loader, optim.Optimizer optimizer, int epoch)
    {
        Epochs.SetEpoch(loader, epoch);
        model.train();
        double sum = 0;
        var n = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
            n++;
        }
        return sum / Math.Max(n, 1);
    }

    static double Evaluate(nn.Module<Tensor, Tensor> model, DataLoader loader)
    {
        model.eval();
        using var _ = no_grad();
        long correct = 0, total = 0;
        foreach (var batch in loader)
        {
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            total += batch["label"].shape[0];
        }
        return total == 0 ? 0 : (double)correct / total;
    }
}
