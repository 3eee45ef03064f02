// Scenario: a library-style trainer with an options record hands its shuffling train loader to pluggable IEpochHooks at the start of every epoch (the reshuffle hook sets the whole loader's epoch); correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut2.Blind.TrainerHooksInterfaceCorrect;

public sealed record TrainerConfig(int Epochs = 10, int BatchSize = 64, int Seed = 0, double Lr = 2e-3, string CheckpointDir = "ckpt");

public interface IEpochHooks
{
    void BeforeEpoch(EpochDataLoader loader, int epoch);
    void AfterEpoch(int epoch, IReadOnlyDictionary<string, double> metrics);
}

public sealed class ReshuffleHook : IEpochHooks
{
    public void BeforeEpoch(EpochDataLoader loader, int epoch) => loader.SetEpoch(epoch);
    public void AfterEpoch(int epoch, IReadOnlyDictionary<string, double> metrics) { }
}

public sealed class ConsoleMetricsHook : IEpochHooks
{
    public void BeforeEpoch(EpochDataLoader loader, int epoch) => Console.WriteLine($"--- epoch {epoch} ({loader.Count} batches)");
    public void AfterEpoch(int epoch, IReadOnlyDictionary<string, double> metrics) =>
        Console.WriteLine(string.Join("  ", metrics.Select(kv => $"{kv.Key}={kv.Value:F4}")));
}

public sealed class TextClassifierTrainer : IDisposable
{
    private readonly TrainerConfig _config;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly List<IEpochHooks> _hooks = new();

    public TextClassifierTrainer(InMemoryDataset train, InMemoryDataset valid, nn.Module<Tensor, Tensor> model, TrainerConfig config)
    {
        _config = config;
        _model = model;
        TrainLoader = new EpochDataLoader(train, config.BatchSize, shuffle: true, seed: config.Seed);
        ValidLoader = new EpochDataLoader(valid, config.BatchSize * 4);
    }

    public EpochDataLoader TrainLoader { get; }
    public EpochDataLoader ValidLoader { get; }

    public TextClassifierTrainer AddHook(IEpochHooks hook) { _hooks.Add(hook); return this; }

    public void Fit()
    {
        var optimizer = optim.AdamW(_model.parameters(), _config.Lr);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, 3, 0.5);
        Directory.CreateDirectory(_config.CheckpointDir);

        for (int epoch = 0; epoch < _config.Epochs; epoch++)
        {
            foreach (var hook in _hooks) hook.BeforeEpoch(TrainLoader, epoch);
            _model.train();
            double sum = 0;
            long count = 0;
            foreach (var batch in TrainLoader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.call(batch["features"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                count++;
            }
            scheduler.step();

            var metrics = new Dictionary<string, double> { ["train_loss"] = sum / Math.Max(1, count), ["valid_acc"] = Evaluate() };
            foreach (var hook in _hooks) hook.AfterEpoch(epoch, metrics);
            _model.save(Path.Combine(_config.CheckpointDir, $"epoch{epoch:D3}.bin"));
        }
    }

    private double Evaluate()
    {
        _model.eval();
        using var _ = no_grad();
        long hit = 0, n = 0;
        foreach (var batch in ValidLoader)
        {
            hit += _model.call(batch["features"]).argmax(1).eq(batch["label"]).sum().item<long>();
            n += batch["label"].shape[0];
        }
        return n == 0 ? 0 : (double)hit / n;
    }

    public void Dispose()
    {
        TrainLoader.Dispose();
        ValidLoader.Dispose();
    }
}
