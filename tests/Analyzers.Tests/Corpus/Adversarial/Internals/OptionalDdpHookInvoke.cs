// Scenario: a reshuffle hook is installed only in data-parallel runs (`Action<int>? beforeEpoch = null; if (ddp) beforeEpoch = e => sampler.SetEpoch(e);`) and called each epoch with `beforeEpoch?.Invoke(epoch)`. Right: the stored lambda is called in the loop with a changing argument (no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.OptionalDdpHookInvoke;

public sealed record RunOptions(int Epochs, int BatchSize, int WorldSize, int Rank, int Seed);

public static class Launcher
{
    public static void Train(nn.Module<Tensor, Tensor> model, InMemoryDataset data, RunOptions options)
    {
        bool ddp = options.WorldSize > 1;
        var sampler = new DistributedSampler(data.Count, numReplicas: options.WorldSize, rank: options.Rank, seed: options.Seed, shuffle: ddp);
        using var loader = new EpochDataLoader(data, batchSize: options.BatchSize, sampler: sampler);

        Action<int>? beforeEpoch = null;
        if (ddp)
            beforeEpoch = e => sampler.SetEpoch(e);

        var optimizer = optim.Adam(model.parameters(), 1e-3);
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            beforeEpoch?.Invoke(epoch);
            model.train();
            double total = 0;
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.binary_cross_entropy_with_logits(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            if (options.Rank == 0) Console.WriteLine($"epoch {epoch}: {total:F3}");
        }
    }

    public static RunOptions FromArgs(string[] args) => new(
        Epochs: args.Length > 0 ? int.Parse(args[0]) : 10,
        BatchSize: args.Length > 1 ? int.Parse(args[1]) : 64,
        WorldSize: int.TryParse(Environment.GetEnvironmentVariable("WORLD_SIZE"), out var world) ? world : 1,
        Rank: int.TryParse(Environment.GetEnvironmentVariable("RANK"), out var rank) ? rank : 0,
        Seed: 1234);
}
