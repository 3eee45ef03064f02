// Scenario: two DomainFeed locals, each made with `new`, draw from batch samplers; the loop sets the target's whole loader but only the source's Sampler through `src.Loader is { Sampler: IEpochAware s }`, so the source's batch order never changes (wrong for src).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind11.LocalDomainsSamplerOnlyOnSource;

public sealed class DomainFeed
{
    public string Name { get; }
    public EpochDataLoader Loader { get; }

    public DomainFeed(string name, InMemoryDataset data, int seed)
    {
        Name = name;
        Loader = new EpochDataLoader(data, batchSampler: new BatchSampler(new RandomSampler(data.Count, seed: seed), 32, dropLast: true));
    }
}

public static class Program
{
    private static InMemoryDataset Synthetic(int n, float shift) => new(new Dictionary<string, Tensor>
    {
        ["data"] = randn(n, 24) + shift,
        ["label"] = randint(0, 5, new long[] { n }),
    });

    public static void Main()
    {
        var src = new DomainFeed("rendered", Synthetic(6000, 0f), seed: 1);
        var tgt = new DomainFeed("camera", Synthetic(1500, 0.7f), seed: 2);

        var backbone = nn.Sequential(nn.Linear(24, 64), nn.ReLU());
        var head = nn.Linear(64, 5);
        var optimizer = optim.Adam(backbone.parameters().Concat(head.parameters()), lr: 1e-3);

        for (int epoch = 0; epoch < 15; epoch++)
        {
            if (src.Loader is { Sampler: IEpochAware s }) s.SetEpoch(epoch); //! CMP001
            tgt.Loader.SetEpoch(epoch);

            foreach (var (a, b) in src.Loader.Zip(tgt.Loader))
            {
                using var scope = NewDisposeScope();
                var fa = backbone.forward(a["data"]);
                var fb = backbone.forward(b["data"]);
                var mmd = (fa.mean(new long[] { 0 }) - fb.mean(new long[] { 0 })).pow(2).sum();
                var loss = nn.functional.cross_entropy(head.forward(fa), a["label"]) + 0.5f * mmd;
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"{src.Name}->{tgt.Name} epoch {epoch}");
        }
    }
}
