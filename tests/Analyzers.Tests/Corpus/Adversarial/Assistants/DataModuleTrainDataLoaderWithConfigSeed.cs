// Scenario: an assistant's Lightning-style `DataModule` builds the training loader with `torch.utils.data.DataLoader(_train, batch, shuffle: true, seed: _config.Seed)`; the seed is the same for the loader's whole life, so each epoch of the caller's loop sees the same order (wrong, CMP003 at the factory call; the validation loader does not shuffle).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TabularRegression;

public sealed class TrainingConfig
{
    public int BatchSize { get; set; } = 256;
    public int MaxEpochs { get; set; } = 30;
    public double LearningRate { get; set; } = 3e-3;
    public int Seed { get; set; } = 2024;
    public double ValFraction { get; set; } = 0.1;
}

/// <summary>
/// Equivalent of a LightningDataModule: owns the datasets and knows how to build the loaders.
/// </summary>
public sealed class DataModule : IDisposable
{
    private readonly TrainingConfig _config;
    private InMemoryDataset? _train;
    private InMemoryDataset? _val;

    public DataModule(TrainingConfig config) => _config = config;

    public void Setup(Tensor x, Tensor y)
    {
        var n = x.shape[0];
        var nVal = (long)(n * _config.ValFraction);
        var perm = torch.randperm(n, generator: new Generator((ulong)_config.Seed));
        var valIdx = perm[..(int)nVal];
        var trainIdx = perm[(int)nVal..];
        _train = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x[trainIdx], ["label"] = y[trainIdx] });
        _val = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x[valIdx], ["label"] = y[valIdx] });
    }

    // shuffle=True for training, and a fixed seed so that runs are reproducible
    public DataLoader TrainDataLoader() =>
        torch.utils.data.DataLoader(_train!, _config.BatchSize, shuffle: true, seed: _config.Seed, disposeDataset: false); //! CMP003

    public DataLoader ValDataLoader() =>
        torch.utils.data.DataLoader(_val!, _config.BatchSize * 4, shuffle: false, disposeDataset: false);

    public void Dispose()
    {
        _train?.Dispose();
        _val?.Dispose();
    }
}

public static class Fit
{
    public static void Run(Tensor x, Tensor y)
    {
        var config = new TrainingConfig();
        using var dm = new DataModule(config);
        dm.Setup(x, y);
        using var trainLoader = dm.TrainDataLoader();
        using var valLoader = dm.ValDataLoader();

        var model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.GELU(), nn.Linear(128, 64), nn.GELU(), nn.Linear(64, 1));
        var optimizer = optim.AdamW(model.parameters(), lr: config.LearningRate);

        for (int epoch = 0; epoch < config.MaxEpochs; epoch++)
        {
            model.train();
            double trainLoss = 0;
            int steps = 0;
            foreach (var batch in trainLoader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var pred = model.call(batch["data"]).squeeze(-1);
                var loss = nn.functional.mse_loss(pred, batch["label"]);
                loss.backward();
                optimizer.step();
                trainLoss += loss.item<float>();
                steps++;
            }

            model.eval();
            double valLoss = 0;
            int valSteps = 0;
            using (no_grad())
            {
                foreach (var batch in valLoader)
                {
                    using var scope = NewDisposeScope();
                    valLoss += nn.functional.mse_loss(model.call(batch["data"]).squeeze(-1), batch["label"]).item<float>();
                    valSteps++;
                }
            }

            Console.WriteLine($"epoch {epoch:D2}  train_mse={trainLoss / Math.Max(steps, 1):F5}  val_mse={valLoss / Math.Max(valSteps, 1):F5}");
        }
    }
}
