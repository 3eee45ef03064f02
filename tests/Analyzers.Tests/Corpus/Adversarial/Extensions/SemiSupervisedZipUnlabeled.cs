// Scenario: a FixMatch-style loop zipping a labeled loader (epoch set) with a shuffling unlabeled loader whose epoch is never set - wrong, CMP002 on `unlabeled` in labeled.Zip(unlabeled).
using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Lab.Blind17.SemiSupervised;

public sealed class ConsistencyTrainer
{
    private readonly EpochDataLoader _labeled;
    private readonly EpochDataLoader _unlabeled;

    public ConsistencyTrainer(InMemoryDataset labeled, InMemoryDataset unlabeled)
    {
        _labeled = new EpochDataLoader(labeled, batchSize: 32, shuffle: true, seed: 5);
        _unlabeled = new EpochDataLoader(unlabeled, batchSize: 224, shuffle: true, seed: 6);
    }

    public void Train(ComposerModel model, optim.Optimizer optimizer, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _labeled.SetEpoch(epoch);
            foreach (var (x, u) in _labeled.Zip(_unlabeled)) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var supervised = model.Loss(model.Forward(x), x);
                var weak = model.Forward(u).softmax(1).detach();
                var strong = model.Forward(new Dictionary<string, Tensor> { ["data"] = u["data"] + 0.1 * randn_like(u["data"]) });
                (supervised + nn.functional.mse_loss(strong.softmax(1), weak)).backward();
                optimizer.step();
            }
        }
    }
}
