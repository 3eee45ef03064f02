// Scenario: FixMatch-style loop over `labeled.Zip(unlabeled)`: the labeled loader's epoch is set before the loop, the unlabeled one's on the first step inside the body, after Zip has started iterating it; wrong (CMP005).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp005ZipUnlabeledSetInsideBody;

public static class FixMatch
{
    public static void Train(InMemoryDataset labeledSet, InMemoryDataset unlabeledSet, int epochs)
    {
        using var labeled = new EpochDataLoader(labeledSet, batchSize: 64, shuffle: true, seed: 1);
        using var unlabeled = new EpochDataLoader(unlabeledSet, batchSize: 448, shuffle: true, seed: 2);
        var model = nn.Linear(32, 10);
        var opt = optim.SGD(model.parameters(), learningRate: 0.03, momentum: 0.9, nesterov: true);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            labeled.SetEpoch(epoch);
            int step = 0;
            foreach (var (x, u) in labeled.Zip(unlabeled))
            {
                if (step++ == 0) unlabeled.SetEpoch(epoch); //! CMP005
                opt.zero_grad();
                using var sup = nn.functional.cross_entropy(model.call(x["data"]), x["label"]);
                using var probs = nn.functional.softmax(model.call(u["data"]).detach(), 1);
                using var mask = probs.max(1).values.ge(0.95).to_type(ScalarType.Float32);
                using var unsup = (nn.functional.cross_entropy(model.call(u["data"]), probs.argmax(1), reduction: nn.Reduction.None) * mask).mean();
                using var loss = sup + unsup;
                loss.backward();
                opt.step();
            }
        }
    }
}
