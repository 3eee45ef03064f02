using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace VisionLightning;

/// <summary>Model, optimiser and data hooks of the trainer (<c>setup</c>, <c>train_dataloader</c>, <c>val_dataloader</c>).</summary>
public partial class LitTrainer : IDisposable
{
    private readonly LitOptions _options;
    private readonly InMemoryDataset _probeData;
    private readonly Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private EpochDataLoader _train = null!;
    private EpochDataLoader _val = null!;

    public LitTrainer(LitOptions options, InMemoryDataset train, InMemoryDataset val, InMemoryDataset probe)
    {
        _options = options;
        _probeData = probe;
        _model = Sequential(
            Conv2d(1, 16, 3, padding: 1), ReLU(), MaxPool2d(2),
            Conv2d(16, 32, 3, padding: 1), ReLU(), MaxPool2d(2),
            Flatten(), Linear(32 * 7 * 7, 10));
        _optimizer = optim.Adam(_model.parameters(), options.LearningRate);
        Setup(train, val);
    }

    private void Setup(InMemoryDataset train, InMemoryDataset val)
    {
        _train = new EpochDataLoader(train, batchSize: _options.BatchSize, shuffle: true, seed: _options.Seed, workers: 2);
        _val = new EpochDataLoader(val, batchSize: _options.ValBatchSize);
    }

    private float TrainingStep(Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        _optimizer.zero_grad();
        var loss = functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
        loss.backward();
        _optimizer.step();
        return loss.item<float>();
    }

    private long ValidationStep(Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        return _model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
    }

    public void Dispose()
    {
        _train.Dispose();
        _val.Dispose();
        _model.Dispose();
    }
}
