// Scenario: FixMatch-style loop in while (!converged) with no epoch counter; the labeled loader's epoch comes from the loss history, but the shuffled unlabeled loader zipped into it is never set — wrong for the unlabeled loader.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.SemiSupervisedWhileConvergedForgetsUnlabeled;

public static class Program
{
    public static void Main()
    {
        using var labeledSet = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(2_000, 64),
            ["label"] = randint(0, 10, new long[] { 2_000 }),
        });
        using var unlabeledSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(20_000, 64) });

        using var labeled = new EpochDataLoader(labeledSet, batchSize: 32, shuffle: true, dropLast: true, seed: 17);
        using var unlabeled = new EpochDataLoader(unlabeledSet, batchSize: 224, shuffle: true, dropLast: true, seed: 18);

        var model = nn.Sequential(("fc1", nn.Linear(64, 128)), ("act", nn.GELU()), ("head", nn.Linear(128, 10)));
        var optimizer = optim.SGD(model.parameters(), 0.03, momentum: 0.9);
        var history = new List<double>();
        bool converged = false;

        while (!converged)
        {
            // reshuffle the labeled set for this pass
            labeled.SetEpoch(history.Count);
            double total = 0;
            int steps = 0;
            foreach (var (x, u) in labeled.Zip(unlabeled)) //! CMP002
            {
                using var scope = NewDisposeScope();
                var supervised = nn.functional.cross_entropy(model.forward(x["data"]), x["label"]);

                Tensor confidence, pseudo;
                using (no_grad())
                {
                    var probs = nn.functional.softmax(model.forward(u["data"]), 1);
                    (confidence, pseudo) = probs.max(1);
                }
                var strong = u["data"] + 0.1f * randn_like(u["data"]);
                var mask = confidence.ge(0.95).to_type(ScalarType.Float32);
                var perSample = nn.functional.cross_entropy(model.forward(strong), pseudo, reduction: nn.Reduction.None);
                var loss = supervised + (perSample * mask).mean();

                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                steps++;
            }

            history.Add(total / Math.Max(steps, 1));
            converged = history.Count >= 200
                || history.Count > 5 && Math.Abs(history[^1] - history[^2]) < 1e-4;
        }
    }
}
