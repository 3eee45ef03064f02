// Scenario: a FixMatch-style loop sets the labelled loader's epoch but iterates the shuffled unlabelled loader (its main loop) without setting it: bug on the unlabelled loader.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.SemiSupervised;

public static class FixMatchLoop
{
    public static void Train(InMemoryDataset labelledSet, InMemoryDataset unlabelledSet, int epochs, double threshold = 0.95)
    {
        var model = nn.Sequential(("fc1", nn.Linear(32, 128)), ("relu", nn.ReLU()), ("fc2", nn.Linear(128, 10)));
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.03, momentum: 0.9, nesterov: true);
        using var labelled = new EpochDataLoader(labelledSet, batchSize: 64, shuffle: true, seed: 0);
        using var unlabelled = new EpochDataLoader(unlabelledSet, batchSize: 448, shuffle: true, seed: 1);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            labelled.SetEpoch(epoch);
            using var lab = labelled.GetEnumerator();
            foreach (var ub in unlabelled) //! CMP002
            {
                if (!lab.MoveNext()) break;
                var lb = lab.Current;
                optimizer.zero_grad();
                using var supervised = nn.functional.cross_entropy(model.forward(lb["data"]), lb["label"]);

                using var weak = ub["data"] + 0.01f * torch.randn_like(ub["data"]);
                using var strong = ub["data"] + 0.2f * torch.randn_like(ub["data"]);
                using var probs = nn.functional.softmax(model.forward(weak).detach(), 1);
                var (confidence, pseudo) = probs.max(1);
                using var mask = confidence.ge(threshold).to_type(ScalarType.Float32);
                using var perSample = nn.functional.cross_entropy(model.forward(strong), pseudo, reduction: nn.Reduction.None);
                using var unsupervised = (perSample * mask).mean();

                using var loss = supervised + unsupervised;
                loss.backward();
                optimizer.step();
            }
        }
    }
}
