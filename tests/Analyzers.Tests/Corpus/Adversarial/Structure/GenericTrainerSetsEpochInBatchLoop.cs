// Scenario: a generic Trainer<TModel> sets its shuffling loader's epoch inside the batch loop, on the first step of each epoch (wrong: the order of an epoch is fixed when its iteration starts, so the call only reaches the next epoch).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.GenericTrainerSetsEpochInBatchLoop;

public sealed record TrainerSettings(int BatchSize = 64, int Seed = 0, double LearningRate = 1e-3, int LogEvery = 50);

public sealed class Trainer<TModel> where TModel : nn.Module<Tensor, Tensor>
{
    private readonly TModel _model;
    private readonly EpochDataLoader _loader;
    private readonly optim.Optimizer _optimizer;
    private readonly TrainerSettings _settings;

    public Trainer(TModel model, InMemoryDataset data, TrainerSettings settings)
    {
        _model = model;
        _settings = settings;
        _optimizer = optim.Adam(model.parameters(), lr: settings.LearningRate);
        _loader = new EpochDataLoader(data, batchSize: settings.BatchSize, shuffle: true, seed: settings.Seed, workers: 2);
    }

    public TModel Model => _model;

    public IReadOnlyList<double> Fit(int epochs)
    {
        var losses = new List<double>();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            long step = 0;
            double running = 0;
            foreach (var batch in _loader)
            {
                if (step == 0)
                    _loader.SetEpoch(epoch); //! CMP005

                _optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]);
                loss.backward();
                _optimizer.step();
                running += loss.item<float>();
                if (++step % _settings.LogEvery == 0)
                    Console.WriteLine($"epoch {epoch} step {step}: {running / step:F4}");
            }
            losses.Add(running / Math.Max(1, step));
        }
        return losses;
    }
}

public static class TrainerDemo
{
    public static void Run(InMemoryDataset data)
    {
        var trainer = new Trainer<TorchSharp.Modules.Linear>(nn.Linear(16, 10), data, new TrainerSettings(Seed: 5));
        var losses = trainer.Fit(epochs: 8);
        Console.WriteLine($"final loss {losses[^1]:F4}");
    }
}
