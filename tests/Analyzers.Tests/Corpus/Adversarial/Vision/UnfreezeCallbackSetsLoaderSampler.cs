// Scenario: a fine-tuning callback that unfreezes the backbone at a given epoch and reshuffles the loader it was handed through loader.Sampler — wrong, the loader may draw from a batch sampler (CMP001).
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;

namespace VisionLab.FineTuning;

/// <summary>Called by our training loop at the start of every epoch.</summary>
public sealed class GradualUnfreezeCallback
{
    private readonly EpochDataLoader<LabeledImage, Dictionary<string, Tensor>> _train;
    private readonly nn.Module _backbone;
    private readonly int _unfreezeAt;

    public GradualUnfreezeCallback(EpochDataLoader<LabeledImage, Dictionary<string, Tensor>> train, nn.Module backbone, int unfreezeAt)
    {
        _train = train;
        _backbone = backbone;
        _unfreezeAt = unfreezeAt;
    }

    public void OnEpochStart(int epoch)
    {
        bool trainable = epoch >= _unfreezeAt;
        foreach (var p in _backbone.parameters()) p.requires_grad = trainable;
        if (epoch == _unfreezeAt) Console.WriteLine($"epoch {epoch}: backbone unfrozen");

        // new shuffle for the epoch
        if (_train.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001
    }
}
