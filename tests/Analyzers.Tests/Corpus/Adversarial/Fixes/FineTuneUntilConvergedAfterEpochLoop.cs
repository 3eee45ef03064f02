// Scenario: a `for (int epoch …)` loop trains with the epoch set, then a `while (!converged)` fine-tuning loop iterates the same shuffling loader without setting its epoch: wrong in fine-tuning - CMP002 (its fix must name a new counter that does not clash with the first loop's `epoch`).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.FineTuneUntilConvergedAfterEpochLoop;

public static class Program
{
    private static double Validate(nn.Module<Tensor, Tensor> model, EpochDataLoader val)
    {
        using var _ = no_grad();
        double total = 0;
        foreach (var batch in val)
            total += nn.functional.mse_loss(model.forward(batch["data"]), batch["target"]).item<float>();
        return total / val.Count;
    }

    private static void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.mse_loss(model.forward(batch["data"]), batch["target"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }

    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(1024, 6), ["target"] = randn(1024, 1) });
        using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 8);
        using var val = new EpochDataLoader(data, batchSize: 256);
        var model = nn.Sequential(nn.Linear(6, 32), nn.ReLU(), nn.Linear(32, 1));

        var adam = optim.Adam(model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < 10; epoch++)
        {
            train.SetEpoch(epoch);
            foreach (var batch in train) Step(model, adam, batch);
            Console.WriteLine($"epoch {epoch}: val {Validate(model, val):F4}");
        }

        var sgd = optim.SGD(model.parameters(), learningRate: 1e-4);
        double previous = double.MaxValue, current = Validate(model, val);
        while (previous - current > 1e-4)
        {
            foreach (var batch in train) Step(model, sgd, batch); //! CMP002
            previous = current;
            current = Validate(model, val);
        }
    }
}
