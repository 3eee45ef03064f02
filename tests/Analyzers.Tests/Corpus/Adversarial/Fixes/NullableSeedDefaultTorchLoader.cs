// Scenario: a TorchSharp DataLoader made with `shuffle: true, seed: default` - `default` of `int?` is null, so TorchSharp draws a fresh order at every enumeration: right (not reproducible, but not repeated; the rule reports only a seed that is not the constant null).
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.NullableSeedDefaultTorchLoader;

public static class Program
{
    public static void Main()
    {
        var dataset = new Composer.Data.InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(600, 5),
            ["label"] = randint(0, 2, 600),
        });
        using var train = new TorchSharp.Modules.DataLoader(dataset, 60, shuffle: true, seed: default);
        var model = nn.Linear(5, 2);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);
        for (int epoch = 0; epoch < 10; epoch++)
        {
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
            Console.WriteLine($"epoch {epoch}: {total:F3}");
        }
    }
}
