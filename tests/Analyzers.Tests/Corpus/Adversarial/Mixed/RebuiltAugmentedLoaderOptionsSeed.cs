// Scenario: each epoch re-augments the data with fresh random jitter and rebuilds a shuffling loader over it, but the loader's own seed is `_options.Seed`, the same on every pass and never set by epoch, so every epoch visits the rows in the same order: CMP002.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Augmented;

public sealed record TrainOptions(int Epochs, int BatchSize, int Seed, double Jitter, double Lr)
{
    public static TrainOptions Quick { get; } = new(Epochs: 3, BatchSize: 32, Seed: 7, Jitter: 0.05, Lr: 1e-2);
}

public static class Augmentations
{
    public static InMemoryDataset Jitter(InMemoryDataset source, double strength)
    {
        var columns = new Dictionary<string, Tensor>();
        foreach (var (name, column) in source.Columns)
            columns[name] = name == "data" ? column + strength * torch.randn_like(column) : column;
        return new InMemoryDataset(columns);
    }

    public static Tensor Mixup(Tensor x, double alpha, Random rng, out double lambda, out Tensor permutation)
    {
        lambda = alpha <= 0 ? 1 : Math.Clamp(rng.NextDouble() * alpha + (1 - alpha) / 2, 0, 1);
        permutation = torch.randperm(x.shape[0]);
        return lambda * x + (1 - lambda) * x.index_select(0, permutation);
    }
}

public sealed class AugmentedTrainer
{
    private readonly TrainOptions _options;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(("fc1", nn.Linear(6, 24)), ("act", nn.Tanh()), ("fc2", nn.Linear(24, 2)));
    private readonly Random _mixRng = new(11);
    private int _rebuilds;

    public AugmentedTrainer(TrainOptions options) => _options = options;

    public IReadOnlyList<double> Fit(InMemoryDataset baseSet)
    {
        var optimizer = optim.SGD(_model.parameters(), _options.Lr);
        var losses = new List<double>();
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            var augmented = Augmentations.Jitter(baseSet, _options.Jitter);
            var train = new EpochDataLoader(augmented, batchSize: _options.BatchSize, shuffle: true, seed: _options.Seed);
            _rebuilds++;

            double sum = 0;
            foreach (var batch in train) //! CMP002
            {
                optimizer.zero_grad();
                var mixed = Augmentations.Mixup(batch["data"], 0.4, _mixRng, out var lambda, out var permutation);
                var logits = _model.forward(mixed);
                var y = batch["label"];
                using var loss = lambda * nn.functional.cross_entropy(logits, y)
                    + (1 - lambda) * nn.functional.cross_entropy(logits, y.index_select(0, permutation));
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            losses.Add(sum / Math.Max(1, train.Count));
        }
        Console.WriteLine($"rebuilt the loader {_rebuilds} times");
        return losses;
    }

    public static void Main()
    {
        var x = torch.randn(1200, 6);
        var baseSet = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = x,
            ["label"] = (x.narrow(1, 0, 1).squeeze(1) > 0).to(ScalarType.Int64),
        });
        var options = TrainOptions.Quick with { Epochs = 6 };
        var losses = new AugmentedTrainer(options).Fit(baseSet);
        for (int i = 0; i < losses.Count; i++) Console.WriteLine($"epoch {i}: {losses[i]:F4}");
    }
}
