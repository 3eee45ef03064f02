// Scenario: TorchSharp DataLoader(shuffle: true, seed: 1234) iterated by a TrainEpoch helper in the epoch loop: every epoch sees the same order. CMP003 is reported on the creation ("shuffle is written and is not the constant false", "seed is written and is not the constant null", built outside every loop). No CMP002: "TorchSharp's DataLoader(shuffle: true)" is not epoch-dependent. The test loader does not shuffle and is not flagged.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Composer.Data;

namespace Heldout23.TorchSharpFixedSeedHelper;

public static class Program
{
    public static void Main()
    {
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = rand(6000, 3, 16, 16),
            ["label"] = randint(0, 10, new long[] { 6000 }),
        });
        var testSet = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = rand(1000, 3, 16, 16),
            ["label"] = randint(0, 10, new long[] { 1000 }),
        });
        using var train = new DataLoader(trainSet, 64, shuffle: true, seed: 1234); //! CMP003
        using var test = torch.utils.data.DataLoader(testSet, 500, shuffle: false);

        var cnn = nn.Sequential(
            ("conv", nn.Conv2d(3, 16, 3, padding: 1)),
            ("relu", nn.ReLU()),
            ("pool", nn.AdaptiveAvgPool2d(1)),
            ("flat", nn.Flatten()),
            ("fc", nn.Linear(16, 10)));
        var optimizer = optim.SGD(cnn.parameters(), 0.1, momentum: 0.9, weight_decay: 5e-4);

        for (var epoch = 0; epoch < 15; epoch++)
        {
            var loss = TrainEpoch(cnn, train, optimizer);
            var acc = Accuracy(cnn, test);
            Console.WriteLine($"epoch {epoch,2}  loss {loss:F4}  acc {acc:P2}");
        }
    }

    static double TrainEpoch(nn.Module<Tensor, Tensor> model, DataLoader loader, optim.Optimizer optimizer)
    {
        model.train();
        double sum = 0;
        long count = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
            count++;
        }
        return sum / Math.Max(count, 1);
    }

    static double Accuracy(nn.Module<Tensor, Tensor> model, DataLoader loader)
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
