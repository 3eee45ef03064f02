// Scenario: a trainer exposes its train loader as an expression-bodied property that builds a fresh shuffling EpochDataLoader on every access with the config's seed, and iterates that property each epoch without setting an epoch (wrong: every new loader starts from the same seed at epoch 0).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.PropertyGetterRebuildsFixedSeed;

public sealed class TrainerConfig
{
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 64;
    public int Seed { get; init; } = 42;
    public int Workers { get; init; } = 4;
}

public sealed class AugmentedTrainer
{
    private readonly InMemoryDataset _data;
    private readonly TrainerConfig _config;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public AugmentedTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> model, TrainerConfig config)
    {
        _data = data;
        _model = model;
        _config = config;
        _optimizer = optim.Adam(model.parameters(), lr: 1e-3);
    }

    // A fresh loader per access, so that each epoch restarts the augmentation workers.
    private EpochDataLoader TrainLoader =>
        new EpochDataLoader(_data, batchSize: _config.BatchSize, shuffle: true, seed: _config.Seed, workers: _config.Workers);

    public void Fit()
    {
        for (int epoch = 0; epoch < _config.Epochs; epoch++)
        {
            double loss = 0;
            long steps = 0;
            foreach (var batch in TrainLoader) //! CMP002
            {
                _optimizer.zero_grad();
                var noisy = batch["x"] + 0.05 * torch.randn_like(batch["x"]);
                using var l = nn.functional.cross_entropy(_model.forward(noisy), batch["y"]);
                l.backward();
                _optimizer.step();
                loss += l.item<float>();
                steps++;
            }
            Console.WriteLine($"epoch {epoch}: {loss / Math.Max(1, steps):F4}");
        }
    }
}
