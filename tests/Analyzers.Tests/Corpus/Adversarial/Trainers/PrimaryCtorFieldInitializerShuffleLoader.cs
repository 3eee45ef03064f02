// Scenario: a primary-constructor trainer initialises a readonly shuffling loader (no batch sampler) from its dataset parameter and sets the epoch on its Sampler: correct.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regression;

public sealed class RegressionTrainer(InMemoryDataset dataset, int batchSize = 64)
{
    readonly EpochDataLoader _loader = new(dataset, batchSize: batchSize, shuffle: true, seed: 7);
    readonly Sequential _net = nn.Sequential(
        ("in", nn.Linear(13, 32)),
        ("act", nn.Tanh()),
        ("out", nn.Linear(32, 1)));

    public IReadOnlyList<float> Fit(int epochs, double lr = 1e-2)
    {
        var optimizer = optim.Adam(_net.parameters(), lr: lr);
        var losses = new List<float>();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            if (_loader.Sampler is RandomSampler random)
                random.SetEpoch(epoch);

            float last = 0;
            foreach (var batch in _loader)
            {
                using var scope = NewDisposeScope();
                var prediction = _net.forward(batch["features"]).squeeze(1);
                var loss = nn.functional.smooth_l1_loss(prediction, batch["price"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                last = loss.item<float>();
            }
            losses.Add(last);
        }
        return losses;
    }
}
