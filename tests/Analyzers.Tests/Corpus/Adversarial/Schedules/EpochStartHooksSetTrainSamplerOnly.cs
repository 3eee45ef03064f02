// Scenario: an epoch-start hooks class (LR warmup, dropout curriculum, epoch logging) given the train loader from outside, reshuffling with (_train.Sampler as IEpochAware)?.SetEpoch(epoch) — wrong (the loader may draw from a batch sampler)
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lab.Training.Hooks;

/// <summary>Everything our loops do at the start and end of an epoch, in one place.</summary>
public sealed class EpochHooks
{
    private readonly EpochDataLoader _train;
    private readonly torch.optim.Optimizer _optimizer;
    private readonly Dropout _dropout;
    private readonly double _peakLr;
    private readonly int _warmupEpochs;
    private readonly TextWriter _log;

    public EpochHooks(EpochDataLoader train, torch.optim.Optimizer optimizer, Dropout dropout, double peakLr, int warmupEpochs, TextWriter log)
    {
        _train = train;
        _optimizer = optimizer;
        _dropout = dropout;
        _peakLr = peakLr;
        _warmupEpochs = warmupEpochs;
        _log = log;
    }

    public void OnEpochStart(int epoch)
    {
        // reshuffle (PyTorch: train_loader.sampler.set_epoch(epoch))
        (_train.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001

        // linear warmup, then hold
        double lr = _peakLr * Math.Min(1.0, (epoch + 1) / (double)_warmupEpochs);
        foreach (var g in _optimizer.ParamGroups) g.LearningRate = lr;

        // dropout curriculum: no dropout while warming up, then 0.1 -> 0.3
        _dropout.p = epoch < _warmupEpochs ? 0.0 : Math.Min(0.3, 0.1 + 0.02 * (epoch - _warmupEpochs));

        _log.WriteLine($"[epoch {epoch}] lr={lr:G3} dropout={_dropout.p:F2} batches={_train.Count}");
    }

    public void OnEpochEnd(int epoch, nn.Module model, double valLoss)
    {
        string path = Path.Combine("checkpoints", $"epoch{epoch:D3}_val{valLoss:F3}.bin");
        model.save(path);
        _log.WriteLine($"[epoch {epoch}] saved {path}");
    }
}
