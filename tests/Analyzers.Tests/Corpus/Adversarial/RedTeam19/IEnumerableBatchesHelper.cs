// Scenario: the most common helper signature in ported code takes the batches as IEnumerable<Dictionary<string, Tensor>> rather than a loader type, and the epoch loop hands it the shuffling `train` loader each epoch without setting its epoch. The helper, in view, runs `foreach (var batch in batches)` once per call outside any loop of its own, so the call iterates `train` ("a call of a method in view that iterates L once per call ... L given as an argument (TrainOneEpoch(model, L))"): CMP002 on the loader argument. The test loader does not shuffle.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.IEnumerableBatchesHelper;

public static class Program
{
    public static void Main()
    {
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(3000, 20), ["y"] = randint(0, 5, new long[] { 3000 }) });
        var testSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(500, 20), ["y"] = randint(0, 5, new long[] { 500 }) });
        using var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 3);
        using var test = new EpochDataLoader(testSet, batchSize: 250);
        var model = nn.Sequential(("fc1", nn.Linear(20, 48)), ("act", nn.ReLU()), ("fc2", nn.Linear(48, 5)));
        var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

        for (int epoch = 0; epoch < 12; epoch++)
        {
            var loss = TrainOneEpoch(model, optimizer, train); //! CMP002
            var acc = Evaluate(model, test);
            Console.WriteLine($"epoch {epoch}: loss {loss:F4} acc {acc:P1}");
        }
    }

    static double TrainOneEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, IEnumerable<Dictionary<string, Tensor>> batches)
    {
        model.train();
        double sum = 0;
        int n = 0;
        foreach (var batch in batches)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
            n++;
        }
        return sum / Math.Max(n, 1);
    }

    static double Evaluate(nn.Module<Tensor, Tensor> model, IEnumerable<Dictionary<string, Tensor>> batches)
    {
        model.eval();
        using var noGrad = no_grad();
        long correct = 0, total = 0;
        foreach (var batch in batches)
        {
            using var scope = NewDisposeScope();
            correct += model.forward(batch["x"]).argmax(1).eq(batch["y"]).sum().item<long>();
            total += batch["y"].shape[0];
        }
        return total == 0 ? 0 : (double)correct / total;
    }
}
