// Scenario: the same helper as a classic `static void BeginEpoch(this EpochDataLoader l, int e)` extension method in the same file; correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002ClassicExtensionBeginEpoch;

public static class LoaderExtensions
{
    public static void BeginEpoch(this EpochDataLoader l, int e)
    {
        l.SetEpoch(e);
        Console.WriteLine($"epoch {e}: {l.Count} batches");
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(640, 10), ["label"] = randint(0, 2, 640) });
        using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 8);
        var model = nn.Linear(10, 2);
        var opt = optim.Adam(model.parameters());
        for (int epoch = 0; epoch < 10; epoch++)
        {
            train.BeginEpoch(epoch);
            foreach (var batch in train)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        }
    }
}
