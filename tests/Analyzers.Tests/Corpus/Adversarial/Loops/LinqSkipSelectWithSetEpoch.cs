// Scenario: an epoch loop sets the shuffled loader's epoch and then iterates it through LINQ (Skip to resume, Select to unpack tuples): correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Linq;

public static class LinqLoop
{
    public static void Train(InMemoryDataset data, int startEpoch, int skipBatches, int epochs)
    {
        using var loader = new EpochDataLoader(data, batchSize: 50, shuffle: true, seed: 123);
        var model = nn.Sequential(("fc1", nn.Linear(8, 32)), ("relu", nn.ReLU()), ("fc2", nn.Linear(32, 1)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            loader.SetEpoch(epoch);
            int skip = epoch == startEpoch ? skipBatches : 0;
            var pairs = loader.Skip(skip).Select(b => (X: b["data"], Y: b["target"]));
            foreach (var (x, y) in pairs)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
