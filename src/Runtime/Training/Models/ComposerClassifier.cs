using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Composer.Training;

/// <summary>
/// Wraps a classification network: cross-entropy loss on the logits, accuracy on evaluation.
/// </summary>
public class ComposerClassifier : ComposerModel
{
    [ComponentName(Name = "module")] // the state-dict key users and older checkpoints know
    private readonly nn.Module<Tensor, Tensor> _module;

    /// <summary>Wraps <paramref name="module"/>, which maps inputs to logits (N × classes).</summary>
    /// <param name="module">The network.</param>
    /// <param name="inputKey">The batch column with the inputs.</param>
    /// <param name="targetKey">The batch column with the class indices (int64).</param>
    public ComposerClassifier(nn.Module<Tensor, Tensor> module, string inputKey = "data", string targetKey = "label")
        : base(nameof(ComposerClassifier))
    {
        _module = Check.NotNull(module);
        InputKey = Check.NotEmpty(inputKey);
        TargetKey = Check.NotEmpty(targetKey);
        RegisterComponents();
    }

    /// <summary>The batch column with the inputs.</summary>
    public string InputKey { get; }

    /// <summary>The batch column with the class indices.</summary>
    public string TargetKey { get; }

    /// <summary>The wrapped network.</summary>
    public nn.Module<Tensor, Tensor> Module => _module;

    /// <inheritdoc />
    public override Tensor Forward(Dictionary<string, Tensor> batch) => _module.call(Column(batch, InputKey));

    /// <inheritdoc />
    public override Tensor Loss(Tensor outputs, Dictionary<string, Tensor> batch) =>
        nn.functional.cross_entropy(outputs, Column(batch, TargetKey));

    /// <inheritdoc />
    public override IEnumerable<MetricSum> EvalMetrics(Tensor outputs, Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        var target = Column(batch, TargetKey);
        long correct = outputs.argmax(1).eq(target).sum().item<long>();
        return [new MetricSum("accuracy", correct, target.shape[0])];
    }

    private static Tensor Column(Dictionary<string, Tensor> batch, string key) =>
        batch.TryGetValue(key, out var tensor)
            ? tensor
            : throw new ArgumentException($"The batch has no column '{key}' (it has: {string.Join(", ", batch.Keys)}).", nameof(batch));
}
