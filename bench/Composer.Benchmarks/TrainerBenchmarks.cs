using BenchmarkDotNet.Attributes;
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Benchmarks;

/// <summary>
/// One epoch of the same model on the same data with the same optimizer and loader: through <see cref="Trainer"/>,
/// and as the hand-written TorchSharp loop it replaces. Two models: an MLP (784-256-10, where the trainer's own
/// per-batch work weighs most) and the Fashion-MNIST sample's CNN. Goal: ≥ 97 % of the loop's speed.
/// </summary>
public class TrainerBenchmarks
{
    private TrainerWorkload _workload = null!;

    /// <summary>"mlp" or "cnn".</summary>
    [Params("mlp", "cnn")]
    public string Model { get; set; } = "mlp";

    [GlobalSetup]
    public void Setup() => _workload = new TrainerWorkload(Model);

    [GlobalCleanup]
    public void Cleanup() => _workload.Dispose();

    [Benchmark(Baseline = true, Description = "hand-written TorchSharp loop")]
    public double HandWritten() => _workload.HandWritten();

    [Benchmark(Description = "Trainer.Fit, 1 epoch")]
    public double Trainer() => _workload.Trainer();
}

/// <summary>The data, model and the two ways of training one epoch that <see cref="TrainerBenchmarks"/> and <see cref="TrainerHarness"/> compare.</summary>
public sealed class TrainerWorkload : IDisposable
{
    private const int BatchSize = 128;
    private readonly InMemoryDataset _dataset;
    private readonly string _model;

    /// <param name="model">"mlp": 16,384 samples of 784 features; "cnn": 2,048 images of 1×28×28 (the CNN is ~40× the work per
    /// sample); "tiny": 16,384 samples of 16 features into one linear layer, almost no work per batch, so that the trainer's own
    /// cost per batch shows.</param>
    public TrainerWorkload(string model)
    {
        _model = model is "mlp" or "cnn" or "tiny" ? model : throw new ArgumentException($"model must be \"mlp\", \"cnn\" or \"tiny\", but was '{model}'.", nameof(model));
        manual_seed(0);
        int samples = model == "cnn" ? 2_048 : 16_384;
        _dataset = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = model switch { "mlp" => rand(samples, 784), "cnn" => rand(samples, 1, 28, 28), _ => rand(samples, 16) },
            ["label"] = randint(0, 10, samples, dtype: ScalarType.Int64),
        });
    }

    public void Dispose() => _dataset.Dispose();

    /// <summary>The sample's networks: samples/FashionMnist/Models.cs's CNN without batch norm, or a 784-256-10 MLP.</summary>
    private nn.Module<Tensor, Tensor> Network() => _model switch
    {
        "mlp" => nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10)),
        "tiny" => nn.Sequential(nn.Linear(16, 10)),
        _ => nn.Sequential(
            nn.Conv2d(1, 32, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Dropout(0.3), nn.Linear(128, 10)),
    };

    public double HandWritten()
    {
        manual_seed(1);
        using var model = Network();
        using var optimizer = optim.SGD(model.parameters(), 0.01);
        using var loader = new EpochDataLoader(_dataset, BatchSize, shuffle: true, seed: 1);
        model.train();
        loader.SetEpoch(0);
        double last = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
            last = loss.item<float>();
        }

        return last;
    }

    public double Trainer()
    {
        manual_seed(1);
        using var model = new ComposerClassifier(Network());
        using var optimizer = optim.SGD(model.parameters(), 0.01);
        using var loader = new EpochDataLoader(_dataset, BatchSize, shuffle: true, seed: 1);
        using var trainer = new Composer.Training.Trainer(new TrainerOptions
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = loader,
            MaxDuration = "1ep",
            Device = "cpu",
            Seed = 1,
        });
        trainer.Fit();
        return trainer.State.Loss;
    }
}
