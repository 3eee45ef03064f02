// Scenario: `global using static Composer.Data.Epochs;` so SetEpoch is called unqualified, a file-scoped namespace, and a train-until-converged loop that always passes 0: wrong - CMP004 (the epoch is the same on every pass). The fix must count the passes.
global using static Composer.Data.Epochs;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.GlobalUsingStaticSetEpochConstant;

public static class Program
{
    private const int FirstEpoch = 0;

    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(700, 14), ["label"] = randint(0, 2, 700) });
        var train = new EpochDataLoader(data, batchSize: 35, shuffle: true, seed: 99);
        var model = nn.Sequential(nn.Linear(14, 28), nn.ReLU(), nn.Linear(28, 2));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        bool converged = false;
        double best = double.MaxValue;
        while (!converged) // until the loss stops improving
        {
            SetEpoch(train, FirstEpoch); //! CMP004
            double total = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            converged = total > best * 0.999;
            best = Math.Min(best, total);
        }
        train.Dispose();
    }
}
