// Scenario: a generic trainer's public Fit takes an EpochDataLoader parameter and reshuffles through "train.Sampler is DistributedSampler"; a caller's P×K or distributed batch sampler is never told the epoch (wrong)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Minitorch.Training;

public sealed record FitResult(int Epochs, double FinalLoss);

/// <summary>A minimal supervised trainer for any <see cref="nn.Module{Tensor, Tensor}"/>.</summary>
public sealed class SupervisedTrainer<TModule> where TModule : nn.Module<Tensor, Tensor>
{
    private readonly TModule _model;
    private readonly optim.Optimizer _optimizer;
    private readonly Func<Tensor, Tensor, Tensor> _loss;

    public SupervisedTrainer(TModule model, optim.Optimizer optimizer, Func<Tensor, Tensor, Tensor>? loss = null)
    {
        _model = model;
        _optimizer = optimizer;
        _loss = loss ?? ((output, target) => nn.functional.cross_entropy(output, target));
    }

    /// <summary>
    /// Trains for <paramref name="epochs"/> epochs. The loader is reshuffled for you at the start of each epoch
    /// when it shards with a <see cref="DistributedSampler"/>.
    /// </summary>
    public FitResult Fit(EpochDataLoader train, int epochs, IProgress<string>? progress = null)
    {
        double last = double.NaN;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (train.Sampler is DistributedSampler shard)
                shard.SetEpoch(epoch); //! CMP001

            _model.train();
            double sum = 0;
            int steps = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = _loss(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                _optimizer.step();
                sum += loss.item<float>();
                steps++;
            }
            last = sum / Math.Max(steps, 1);
            progress?.Report($"epoch {epoch + 1}/{epochs}: loss {last:F4}");
        }
        return new FitResult(epochs, last);
    }
}
