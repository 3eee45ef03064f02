using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// What the trainer trains (Composer's <c>ComposerModel</c>): a module that computes outputs and a loss
/// from the batches the loaders yield, and optionally evaluation metrics.
/// </summary>
public abstract class ComposerModel : nn.Module
{
    /// <summary>Creates the model; <paramref name="name"/> names it in TorchSharp's module tree.</summary>
    /// <param name="name">The module name.</param>
    protected ComposerModel(string name) : base(name)
    {
    }

    /// <summary>Computes the outputs for a batch.</summary>
    /// <param name="batch">The batch, tensors by column name.</param>
    public abstract Tensor Forward(Dictionary<string, Tensor> batch);

    /// <summary>Computes the mean loss of a batch from its outputs; the trainer calls backward on it.</summary>
    /// <param name="outputs">What <see cref="Forward"/> returned.</param>
    /// <param name="batch">The batch.</param>
    public abstract Tensor Loss(Tensor outputs, Dictionary<string, Tensor> batch);

    /// <summary>
    /// Evaluation metrics of one batch as sums over its samples and the number of samples, so that the
    /// trainer averages them over the whole evaluation set. The default reports nothing (the trainer
    /// always reports the loss).
    /// </summary>
    /// <param name="outputs">What <see cref="Forward"/> returned.</param>
    /// <param name="batch">The batch.</param>
    public virtual IEnumerable<MetricSum> EvalMetrics(Tensor outputs, Dictionary<string, Tensor> batch) => [];
}
