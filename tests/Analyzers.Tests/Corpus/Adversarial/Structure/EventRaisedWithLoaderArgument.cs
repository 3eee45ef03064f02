// Scenario: a trainer raises an EpochStarting event that carries its shuffling loader and the epoch before iterating, and the wiring code subscribes a handler that calls loader.SetEpoch(epoch) (right).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.EventRaisedWithLoaderArgument;

public sealed class EventedTrainer
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public event Action<EpochDataLoader, int>? EpochStarting;
    public event Action<int, double>? EpochEnded;

    public EventedTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> model, int seed)
    {
        _model = model;
        _optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        _train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: seed);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarting?.Invoke(_train, epoch);
            double total = 0;
            foreach (var batch in _train)
            {
                _optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
                loss.backward();
                _optimizer.step();
                total += loss.item<float>();
            }
            EpochEnded?.Invoke(epoch, total);
        }
    }
}

public static class Wiring
{
    public static EventedTrainer Build(InMemoryDataset data, int seed)
    {
        var trainer = new EventedTrainer(data, nn.Linear(20, 4), seed);
        trainer.EpochStarting += (loader, epoch) => loader.SetEpoch(epoch);
        trainer.EpochStarting += (_, epoch) => Console.WriteLine($"epoch {epoch} starting");
        trainer.EpochEnded += (epoch, loss) => Console.WriteLine($"epoch {epoch}: total loss {loss:F2}");
        return trainer;
    }
}
