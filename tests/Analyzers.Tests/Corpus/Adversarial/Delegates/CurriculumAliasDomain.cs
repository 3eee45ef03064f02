// Scenario: curriculum domain adaptation trains on one domain per epoch, picked by `var d = epoch < warmup ? src : tgt;`, and sets d.Loader's epoch before iterating d.Loader (correct, no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind11.CurriculumAliasDomain;

public sealed class Domain
{
    public string Name { get; }
    public EpochDataLoader Loader { get; }

    public Domain(string name, InMemoryDataset data, int seed)
    {
        Name = name;
        Loader = new EpochDataLoader(data, batchSize: 48, shuffle: true, seed: seed);
    }
}

public static class Program
{
    private static InMemoryDataset Make(int n, float noise) => new(new Dictionary<string, Tensor>
    {
        ["data"] = randn(n, 10) * (1f + noise),
        ["label"] = randint(0, 3, new long[] { n }),
    });

    public static void Main()
    {
        var src = new Domain("clean", Make(3000, 0f), seed: 4);
        var tgt = new Domain("noisy", Make(900, 0.8f), seed: 5);
        const int warmup = 4, epochs = 12;

        var model = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 3));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var d = epoch < warmup ? src : tgt;
            d.Loader.SetEpoch(epoch);

            foreach (var batch in d.Loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch} on {d.Name}");
        }

        using (no_grad())
        {
            var first = tgt.Loader.First();
            var acc = model.forward(first["data"]).argmax(1).eq(first["label"]).to_type(ScalarType.Float32).mean().item<float>();
            Console.WriteLine($"target batch accuracy {acc:F3}");
        }
    }
}
