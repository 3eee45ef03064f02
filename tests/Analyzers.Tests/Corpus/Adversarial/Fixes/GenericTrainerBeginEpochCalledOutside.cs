// Scenario: a generic `Trainer<TModel>` owns a shuffling loader and a `BeginEpoch(epoch)` method that sets its epoch; the program's loop calls `trainer.BeginEpoch(epoch)` and iterates `trainer.Train`: right (a method in view sets the property's epoch on the pass).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.GenericTrainerBeginEpochCalledOutside;

public static class Datasets
{
    public static readonly InMemoryDataset Regression =
        new(new Dictionary<string, Tensor> { ["data"] = randn(512, 6), ["target"] = randn(512, 1) });
}

public sealed class Trainer<TModel>(TModel model, double learningRate) where TModel : nn.Module<Tensor, Tensor>
{
    public TModel Model { get; } = model;
    public EpochDataLoader Train { get; } = new(Datasets.Regression, batchSize: 64, shuffle: true, seed: 7);
    public optim.Optimizer Optimizer { get; } = optim.Adam(model.parameters(), lr: learningRate);

    public void BeginEpoch(int epoch) => Train.SetEpoch(epoch);

    public float Step(Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.mse_loss(Model.forward(batch["data"]), batch["target"]);
        Optimizer.zero_grad();
        loss.backward();
        Optimizer.step();
        return loss.item<float>();
    }
}

public static class Program
{
    public static void Main()
    {
        var trainer = new Trainer<TorchSharp.Modules.Linear>(nn.Linear(6, 1), learningRate: 1e-2);
        for (int epoch = 0; epoch < 20; epoch++)
        {
            trainer.BeginEpoch(epoch);
            float last = 0;
            foreach (var batch in trainer.Train)
                last = trainer.Step(batch);
            Console.WriteLine($"epoch {epoch}: {last:F4}");
        }
    }
}
