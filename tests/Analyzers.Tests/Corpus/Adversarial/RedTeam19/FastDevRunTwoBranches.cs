// Scenario: Lightning's fast_dev_run ported: TrainEpoch runs two batches and returns early when fastDevRun is set, otherwise the whole loader. Either way the helper iterates its loader once per call (an `if` with a `return`, no loop of its own around either iteration), and Fit never sets the shuffling loader's epoch: one iteration at the call, so one CMP002 on "the loader argument of its call" ("The iteration is the call"; "One diagnostic per iteration").
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.FastDevRunTwoBranches;

public sealed class Fitter(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
{
    public void Fit(InMemoryDataset data, int maxEpochs, bool fastDevRun)
    {
        using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 2024);
        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            var loss = TrainEpoch(train, fastDevRun); //! CMP002
            Console.WriteLine($"epoch {epoch}: {loss:F4}");
            if (fastDevRun) break;
        }
    }

    private double TrainEpoch(EpochDataLoader loader, bool fastDevRun)
    {
        model.train();
        double sum = 0;
        int n = 0;
        if (fastDevRun)
        {
            foreach (var batch in loader.Take(2))
            {
                sum += Step(batch);
                n++;
            }
            return sum / Math.Max(n, 1);
        }
        foreach (var batch in loader)
        {
            sum += Step(batch);
            n++;
        }
        return sum / Math.Max(n, 1);
    }

    private double Step(Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1024, 8), ["y"] = randn(1024, 1) });
        var model = nn.Sequential(("fc", nn.Linear(8, 1)));
        new Fitter(model, optim.SGD(model.parameters(), 0.01)).Fit(data, maxEpochs: 5, fastDevRun: false);
    }
}
