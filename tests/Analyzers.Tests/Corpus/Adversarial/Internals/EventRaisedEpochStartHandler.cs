// Scenario: the trainer raises an EpochStarted event each epoch and the program subscribes `trainer.EpochStarted += e => trainer.Loader.SetEpoch(e)` once, outside any loop. Right at run time, but the docs' pass holds only the loop body, local functions, stored lambdas and methods in view called from it; an event handler is none of these, so CMP002 is expected on the foreach (docs design, analyzer agrees).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.EventRaisedEpochStartHandler;

public sealed class EventTrainer
{
    public EventTrainer(nn.Module<Tensor, Tensor> model, InMemoryDataset data)
    {
        Model = model;
        Loader = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 4);
    }

    public nn.Module<Tensor, Tensor> Model { get; }
    public EpochDataLoader Loader { get; }
    public event Action<int>? EpochStarted;

    public void Fit(int epochs)
    {
        var optimizer = optim.Adam(Model.parameters(), 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarted?.Invoke(epoch);
            foreach (var batch in Loader) //! CMP002
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(Model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}

public static class Program2
{
    public static void Run(nn.Module<Tensor, Tensor> model, InMemoryDataset data)
    {
        var trainer = new EventTrainer(model, data);
        trainer.EpochStarted += e => trainer.Loader.SetEpoch(e);
        trainer.EpochStarted += e => Console.WriteLine($"epoch {e} starting");
        trainer.Fit(epochs: 10);
    }
}
