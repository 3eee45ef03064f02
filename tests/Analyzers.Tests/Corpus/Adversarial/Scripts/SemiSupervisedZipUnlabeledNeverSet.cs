// Scenario: FixMatch-style semi-supervised script zipping the labeled loader with an unlabeled one; only the labeled loader's epoch is set, the shuffling unlabeled loader is never told; a bug (CMP002 on the unlabeled Zip argument).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Scripts.SemiSupervised;

public static class FixMatchLite
{
    public static void Run(InMemoryDataset labeledSet, InMemoryDataset unlabeledSet, int epochs = 40)
    {
        using var labeled = new EpochDataLoader(labeledSet, batchSize: 64, shuffle: true, seed: 10, dropLast: true);
        using var unlabeled = new EpochDataLoader(unlabeledSet, batchSize: 448, shuffle: true, seed: 11, dropLast: true);
        var model = nn.Sequential(nn.Linear(128, 256), nn.ReLU(), nn.Linear(256, 10));
        var opt = optim.SGD(model.parameters(), 0.03, momentum: 0.9, nesterov: true);
        const double threshold = 0.95, lambdaU = 1.0;

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            labeled.SetEpoch(epoch);
            foreach (var (x, u) in labeled.Zip(unlabeled)) //! CMP002
            {
                using var scope = NewDisposeScope();
                var supervised = nn.functional.cross_entropy(model.call(x["data"]), x["label"]);

                Tensor pseudo, mask;
                using (no_grad())
                {
                    var probs = nn.functional.softmax(model.call(u["data"]), 1);
                    var (conf, idx) = probs.max(1);
                    pseudo = idx;
                    mask = conf.ge(threshold).to_type(ScalarType.Float32);
                }
                var strong = u["data"] + randn_like(u["data"]) * 0.1;
                var unsup = (nn.functional.cross_entropy(model.call(strong), pseudo, reduction: nn.Reduction.None) * mask).mean();

                var loss = supervised + lambdaU * unsup;
                opt.zero_grad();
                loss.backward();
                opt.step();
            }
        }
    }
}
