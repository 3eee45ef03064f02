// Scenario: a loader built with `sampler: new DistributedSampler(...)` (no batch sampler) gets its epoch through `if (loader is { Sampler: IEpochAware s }) s.SetEpoch(epoch)` every epoch. Right: the receiver declared inside the property pattern is `loader.Sampler` (relabelled 2026-12-06, when property-pattern receivers were traced; it was a documented limit that flagged CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.PropertyPatternDistributedSamplerLoop;

public static class DdpWorker
{
    public static void Main2(string[] args)
    {
        int world = args.Length > 0 ? int.Parse(args[0]) : 1;
        int rank = args.Length > 1 ? int.Parse(args[1]) : 0;
        var x = randn(8192, 32);
        var y = randint(0, 4, new long[] { 8192 });
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x, ["y"] = y });
        var model = nn.Sequential(("l1", nn.Linear(32, 64)), ("act", nn.GELU()), ("l2", nn.Linear(64, 4)));
        Train(model, data, world, rank, epochs: 20);
    }

    private static void Train(nn.Module<Tensor, Tensor> model, InMemoryDataset data, int world, int rank, int epochs)
    {
        using var loader = new EpochDataLoader(data, batchSize: 64,
            sampler: new DistributedSampler(data.Count, numReplicas: world, rank: rank, seed: 99));
        var optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader is { Sampler: IEpochAware s }) s.SetEpoch(epoch);
            model.train();
            double total = 0;
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            if (rank == 0) Console.WriteLine($"epoch {epoch}: {total / Math.Max(loader.Count, 1):F4}");
        }
    }
}
