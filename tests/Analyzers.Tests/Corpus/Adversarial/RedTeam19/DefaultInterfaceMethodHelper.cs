// Scenario: a plug-in interface ITrainingStep ships a default implementation of TrainEpoch(loader) with a body; the loop calls it through an ITrainingStep variable with the shuffling `train` loader. The pages: "Abstract, interface, extern and other files' methods are not [in view]", so the call is a call of a method not in view: `train` handed to it "may set the epoch" (CMP002: "a loader iterated in a method not in view that the loop calls (handing train to it counts as setting it anyway)"). The loop iterates nothing else. No diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.DefaultInterfaceMethodHelper;

public interface ITrainingStep
{
    double Step(Dictionary<string, Tensor> batch);

    double TrainEpoch(EpochDataLoader loader)
    {
        double sum = 0;
        foreach (var batch in loader) sum += Step(batch);
        return sum;
    }
}

public sealed class RegressionStep(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer) : ITrainingStep
{
    public double Step(Dictionary<string, Tensor> batch)
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
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(600, 4), ["y"] = randn(600, 1) });
        using var train = new EpochDataLoader(data, batchSize: 30, shuffle: true, seed: 12);
        var model = nn.Sequential(("fc", nn.Linear(4, 1)));
        ITrainingStep step = new RegressionStep(model, optim.SGD(model.parameters(), 0.01));

        for (int epoch = 0; epoch < 7; epoch++)
        {
            var loss = step.TrainEpoch(train);
            Console.WriteLine($"epoch {epoch}: {loss:F4}");
        }
    }
}
