// Scenario: a C# 14 extension block gives EpochDataLoader a `TrainEpoch(model, optimizer)` member that runs one pass over its receiver; the epoch loop calls `train.TrainEpoch(…)` on a shuffling loader and never sets its epoch. "A call of a method in view … that iterates L once per call … or as its receiver (an extension method)": CMP002 on the receiver `train`. The evaluation member runs a loader that does not shuffle.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam20.ExtensionBlockTrainEpochHelper;

public static class LoaderTraining
{
    extension(EpochDataLoader loader)
    {
        public double TrainEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
        {
            model.train();
            double sum = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            return sum / Math.Max(1, loader.Count);
        }

        public double Accuracy(nn.Module<Tensor, Tensor> model)
        {
            model.eval();
            using var noGrad = no_grad();
            long correct = 0, total = 0;
            foreach (var batch in loader)
            {
                correct += model.forward(batch["x"]).argmax(1).eq(batch["y"]).sum().item<long>();
                total += batch["y"].shape[0];
            }
            return total == 0 ? 0 : (double)correct / total;
        }
    }
}

public static class Program
{
    public static void Main()
    {
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 18), ["y"] = randint(0, 3, new long[] { 4000 }) });
        var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(800, 18), ["y"] = randint(0, 3, new long[] { 800 }) });
        using var train = new EpochDataLoader(trainSet, batchSize: 100, shuffle: true, seed: 21);
        using var val = new EpochDataLoader(valSet, batchSize: 400);
        var model = nn.Sequential(("fc1", nn.Linear(18, 40)), ("act", nn.ReLU()), ("fc2", nn.Linear(40, 3)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < 20; epoch++)
        {
            var loss = train.TrainEpoch(model, optimizer); //! CMP002
            Console.WriteLine($"epoch {epoch}: loss {loss:F4}, val {val.Accuracy(model):P1}");
        }
    }
}
