// Scenario: a library's ClassifierFitter builds its own shuffled EpochDataLoader from an options object in the constructor, but its Fit loop never sets the loader's epoch (wrong)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Fitly;

/// <summary>Options for <see cref="ClassifierFitter"/>.</summary>
public sealed class FitterOptions
{
    public int BatchSize { get; init; } = 64;
    public int Epochs { get; init; } = 10;
    public double LearningRate { get; init; } = 1e-3;
    public int Seed { get; init; } = 0;
    public Device? Device { get; init; }
}

/// <summary>
/// Fits a classifier on an in-memory data set with columns <c>"data"</c> and <c>"label"</c>.
/// The fitter owns its loader and disposes it.
/// </summary>
public sealed class ClassifierFitter : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly FitterOptions _options;
    private readonly EpochDataLoader _train;

    public ClassifierFitter(nn.Module<Tensor, Tensor> model, InMemoryDataset data, FitterOptions? options = null)
    {
        _model = model;
        _options = options ?? new FitterOptions();
        _train = new EpochDataLoader(data, batchSize: _options.BatchSize, shuffle: true,
            device: _options.Device, seed: _options.Seed);
    }

    public event Action<int, double>? EpochCompleted;

    /// <summary>Trains for <see cref="FitterOptions.Epochs"/> epochs and returns the last epoch's mean loss.</summary>
    public double Fit()
    {
        using var optimizer = optim.AdamW(_model.parameters(), _options.LearningRate);
        double mean = 0;
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            _model.train();
            double total = 0;
            long batches = 0;
            foreach (var batch in _train) //! CMP002
            {
                using var _ = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                batches++;
            }
            mean = total / Math.Max(1, batches);
            EpochCompleted?.Invoke(epoch, mean);
        }
        return mean;
    }

    public void Dispose() => _train.Dispose();
}
