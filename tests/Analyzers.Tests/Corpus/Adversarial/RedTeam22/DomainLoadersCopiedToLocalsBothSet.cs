// Scenario: the domain-adaptation step with both domains' loaders copied into locals (`var src = source.Loader; var tgt = target.Loader;`) and both told the epoch at the top of each pass, before the runs through them. Each local is the loader it was copied from, and each is set on the pass ("`Epochs.SetEpoch(train, epoch)`, `train.SetEpoch(epoch)`" handle it). Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam22.DomainLoadersCopiedToLocalsBothSet;

public sealed class Domain
{
    public Domain(string name, InMemoryDataset data, int seed)
    {
        Name = name;
        Loader = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: seed);
    }

    public string Name { get; }
    public EpochDataLoader Loader { get; }
}

public static class Adaptation
{
    public static void Run(Domain source, Domain target, nn.Module<Tensor, Tensor> encoder, optim.Optimizer optimizer, int epochs)
    {
        var src = source.Loader;
        var tgt = target.Loader;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            src.SetEpoch(epoch);
            tgt.SetEpoch(epoch);
            foreach (var batch in src)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(encoder.forward(batch["x"]), batch["y"]).backward();
                optimizer.step();
            }
            foreach (var batch in tgt)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var features = encoder.forward(batch["x"]);
                (features.softmax(1) * features.log_softmax(1)).sum(1).mean().neg().backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: {source.Name} -> {target.Name}");
        }
    }
}

public static class Program
{
    public static void Main()
    {
        var synthetic = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 30), ["y"] = randint(0, 7, new long[] { 4000 }) });
        var real = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1500, 30), ["y"] = randint(0, 7, new long[] { 1500 }) });
        var encoder = nn.Sequential(("fc1", nn.Linear(30, 64)), ("act", nn.ReLU()), ("fc2", nn.Linear(64, 7)));
        Adaptation.Run(new Domain("synthetic", synthetic, 1), new Domain("real", real, 2), encoder, optim.Adam(encoder.parameters(), lr: 1e-3), 12);
    }
}
