// Scenario: a trainer exposes `EpochDataLoader Train { get; init; }`, the program fills it with `new Trainer { Train = new EpochDataLoader(…, shuffle: true) }`, and `Fit` iterates it without setting its epoch: not reported (documented: assignments from outside the type, such as an object initializer, are not in view, and an EpochDataLoader whose creation is not in view says nothing).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.InitLoaderSetByObjectInitializer;

public sealed class Trainer
{
    public required EpochDataLoader Train { get; init; }
    public required nn.Module<Tensor, Tensor> Model { get; init; }
    public int Epochs { get; init; } = 3;

    public void Fit()
    {
        var optimizer = optim.Adam(Model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            foreach (var batch in Train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.mse_loss(Model.forward(batch["data"]), batch["target"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(256, 2), ["target"] = randn(256, 1) });
        var trainer = new Trainer
        {
            Train = new EpochDataLoader(data, batchSize: 16, shuffle: true, seed: 5),
            Model = nn.Linear(2, 1),
            Epochs = 4,
        };
        trainer.Fit();
    }
}
