// Scenario: the page's own CMP005 shape, `if (step == 0) Epochs.SetEpoch(train, epoch);` at the top of a `foreach` over `train.Select((b, i) => (b, i))`, with a comment line above the `if` saying why: wrong (one epoch late) - CMP005. The fix drops the guard and moves the call before the `foreach`; the page says its comments ("a comment line above it") move with it.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam21.GuardedFirstBatchSetterWithComment;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(192, 4), ["label"] = randint(0, 2, 192) });
        using var train = new EpochDataLoader(data, batchSize: 16, sampler: new RandomSampler(data.Count, seed: 8));
        var model = nn.Linear(4, 2);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);

        for (int epoch = 0; epoch < 4; epoch++)
        {
            foreach (var (batch, step) in train.Select((b, i) => (b, i)))
            {
                // Reshuffle once per epoch, at its first batch (issue #212).
                if (step == 0) Epochs.SetEpoch(train, epoch); //! CMP005

                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
