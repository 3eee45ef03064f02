// Scenario: a recursive helper TrainEpoch(model, loader, optimizer, epoch, attempt) sets the loader's epoch, iterates it, and on a NaN loss lowers the learning rate and calls itself again. Correct, no finding: the helper sets the parameter that receives the loader; "a call back into a method already being followed (recursion) adds nothing" but takes nothing away either. The held-out loader does not shuffle.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.RecursiveRetrySetsEpoch;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(6000, 30), ["y"] = randn(6000, 1) });
        var holdout = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(600, 30), ["y"] = randn(600, 1) });
        using var train = new EpochDataLoader(data, batchSize: 100,
            sampler: new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: 77));
        using var check = new EpochDataLoader(holdout, batchSize: 300);

        var model = nn.Sequential(("fc1", nn.Linear(30, 60)), ("act", nn.Softplus()), ("fc2", nn.Linear(60, 1)));
        var optimizer = optim.SGD(model.parameters(), 0.5);

        for (int epoch = 0; epoch < 12; epoch++)
        {
            var loss = TrainEpoch(model, train, optimizer, epoch);
            Console.WriteLine($"epoch {epoch}: train {loss:F4}, holdout {Mse(model, check):F4}");
        }
    }

    static double TrainEpoch(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, optim.Optimizer optimizer, int epoch, int attempt = 0)
    {
        loader.SetEpoch(epoch);
        model.train();
        double sum = 0;
        var n = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]);
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
            n++;
        }
        var mean = sum / Math.Max(n, 1);
        if (double.IsNaN(mean) && attempt < 3)
        {
            foreach (var group in optimizer.ParamGroups) group.LearningRate /= 10;
            Console.WriteLine($"NaN loss in epoch {epoch}; retrying with a smaller learning rate");
            return TrainEpoch(model, loader, optimizer, epoch, attempt + 1);
        }
        return mean;
    }

    static double Mse(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        using var _ = no_grad();
        double sum = 0;
        var n = 0;
        foreach (var batch in loader)
        {
            sum += nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]).item<float>();
            n++;
        }
        return sum / Math.Max(n, 1);
    }
}
