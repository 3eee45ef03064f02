// Scenario: semi-supervised trainer sets the epoch through `is IEpochAware s` and `(… as IEpochAware)?.` on loader.Sampler of loaders built (in its constructor) with a sampler and no batch sampler; right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.PatternMatchSamplerNoBatchSampler;

public sealed class FixMatchTrainer
{
    private readonly EpochDataLoader _labeled;
    private readonly EpochDataLoader _unlabeled;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public FixMatchTrainer(nn.Module<Tensor, Tensor> model, InMemoryDataset labeled, InMemoryDataset unlabeled)
    {
        _model = model;
        _optimizer = optim.SGD(model.parameters(), 0.03, momentum: 0.9, nesterov: true);
        _labeled = new EpochDataLoader(labeled, batchSize: 64, sampler: new DistributedSampler(labeled.Count, seed: 1), dropLast: true);
        _unlabeled = new EpochDataLoader(unlabeled, batchSize: 448, sampler: new RandomSampler(unlabeled.Count, seed: 2), dropLast: true);
    }

    public void Fit(int epochs, double threshold = 0.95)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (_labeled.Sampler is IEpochAware s) s.SetEpoch(epoch);
            (_unlabeled.Sampler as IEpochAware)?.SetEpoch(epoch);

            foreach (var (l, u) in _labeled.Zip(_unlabeled))
            {
                _optimizer.zero_grad();
                using var supervised = nn.functional.cross_entropy(_model.forward(l["x"]), l["y"]);

                using var weakLogits = _model.forward(u["weak"]).detach();
                using var probs = nn.functional.softmax(weakLogits, 1);
                var (conf, pseudo) = probs.max(1);
                using var mask = conf.ge(threshold).to_type(ScalarType.Float32);
                using var strongLoss = nn.functional.cross_entropy(_model.forward(u["strong"]), pseudo, reduction: nn.Reduction.None);
                using var unsupervised = (strongLoss * mask).mean();

                using var loss = supervised + unsupervised;
                loss.backward();
                _optimizer.step();
            }
        }
    }
}
