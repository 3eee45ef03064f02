// Scenario: a `do { ... } while (++epoch < epochs)` loop, the counter advanced only in the condition, with `Epochs.SetEpoch(train, epoch)` at the top of the body; correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp004DoWhilePrefixIncrement;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(300, 5), ["label"] = randint(0, 2, 300) });
        using var train = new EpochDataLoader(data, batchSize: 30, shuffle: true, seed: 12);
        var model = nn.Linear(5, 2);
        var opt = optim.Adam(model.parameters());
        int epoch = 0, epochs = 7;
        do
        {
            Epochs.SetEpoch(train, epoch);
            foreach (var batch in train)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        } while (++epoch < epochs);
    }
}
