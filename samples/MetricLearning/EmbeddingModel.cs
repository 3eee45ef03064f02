using Composer.Training;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MetricLearning;

/// <summary>
/// Maps an image to a unit-length 64-d embedding; trained with the batch-hard triplet loss, so images
/// of one class end up closer to each other than to any other class's by a margin.
/// </summary>
internal sealed class EmbeddingModel : ComposerModel
{
    [ComponentName(Name = "network")] // keeps the state-dict keys free of the field's underscore
    private readonly Module<Tensor, Tensor> _network;
    private readonly double _margin;

    public EmbeddingModel(double margin = 0.2) : base(nameof(EmbeddingModel))
    {
        _margin = margin;
        _network = Sequential(
            ("conv1", Conv2d(1, 32, 3, padding: 1)), ("relu1", ReLU()), ("pool1", MaxPool2d(2)),
            ("conv2", Conv2d(32, 64, 3, padding: 1)), ("relu2", ReLU()), ("pool2", MaxPool2d(2)),
            ("flatten", Flatten()), ("fc1", Linear(64 * 7 * 7, 128)), ("relu3", ReLU()), ("fc2", Linear(128, 64)));
        RegisterComponents();
    }

    /// <summary>Unit-length embeddings of images (N×1×28×28).</summary>
    public Tensor Embed(Tensor images) => functional.normalize(_network.call(images), p: 2, dim: 1);

    public override Tensor Forward(Dictionary<string, Tensor> batch) => Embed(batch["data"]);

    /// <summary>
    /// Batch-hard triplet loss (Hermans et al., 2017): for every anchor, its farthest positive and nearest
    /// negative in the batch. A P×K batch guarantees every anchor has positives.
    /// </summary>
    public override Tensor Loss(Tensor outputs, Dictionary<string, Tensor> batch)
    {
        var labels = batch["label"];
        // Squared Euclidean distance between unit vectors: 2 − 2·cos.
        var distance = (2 - 2 * outputs.mm(outputs.t())).clamp_min(0);
        var same = labels.unsqueeze(1).eq(labels.unsqueeze(0));
        var hardestPositive = distance.masked_fill(same.logical_not(), 0).amax(1);
        var hardestNegative = distance.masked_fill(same, float.PositiveInfinity).amin(1);
        return functional.relu(hardestPositive - hardestNegative + _margin).mean();
    }
}
