// Scenario: a C# 14 extension block in the same file adds `loader.BeginEpoch(epoch)`, which calls `l.SetEpoch(e)` on its receiver; the epoch loop calls it before iterating; correct, no diagnostic (a method in view that sets the parameter receiving the loader).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002ExtensionBlockBeginEpoch;

public static class LoaderExtensions
{
    extension(EpochDataLoader l)
    {
        public void BeginEpoch(int e)
        {
            l.SetEpoch(e);
            Console.WriteLine($"epoch {e}: {l.Count} batches");
        }
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
