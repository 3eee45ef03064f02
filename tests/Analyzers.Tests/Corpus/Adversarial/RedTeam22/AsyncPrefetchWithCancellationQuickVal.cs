// Scenario: an async training loop streams the training loader through its own `Prefetch(loader, ct)` async iterator (in view) and consumes it with `await foreach (var batch in Prefetch(train).WithCancellation(ct))`, the usual way to hand a token to an async stream; every 250 steps it probes 8 batches of a validation loader whose DistributedSampler shuffles. Both loaders are told the epoch at the top of the epoch. "Iterating a loader" counts "iterator methods that wrap L, sync or async (… `await foreach (var b in Stream(L))`)", and "the `foreach` is L's batch loop, so a loader iterated in its body (`val.Take(20)`) belongs to the epoch loop around it" — the `for` loop, which sets `val`. `WithCancellation` only passes the token to that same stream. Correct: no finding.
using System.Runtime.CompilerServices;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam22.AsyncPrefetchWithCancellationQuickVal;

public static class Program
{
    public static async Task Main()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromHours(6));
        var ct = cts.Token;
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(12000, 40), ["y"] = randint(0, 6, new long[] { 12000 }) });
        var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(3000, 40), ["y"] = randint(0, 6, new long[] { 3000 }) });
        using var train = new EpochDataLoader(trainSet, batchSize: 96, sampler: new DistributedSampler(trainSet.Count, numReplicas: 1, rank: 0, seed: 5));
        using var val = new EpochDataLoader(valSet, batchSize: 96, sampler: new DistributedSampler(valSet.Count, numReplicas: 1, rank: 0, seed: 6));
        var model = nn.Sequential(("fc1", nn.Linear(40, 160)), ("act", nn.GELU()), ("fc2", nn.Linear(160, 6)));
        var optimizer = optim.AdamW(model.parameters(), lr: 5e-4);

        long step = 0;
        for (int epoch = 0; epoch < 8; epoch++)
        {
            train.SetEpoch(epoch);
            val.SetEpoch(epoch);
            await foreach (var batch in Prefetch(train).WithCancellation(ct))
            {
                using (var scope = NewDisposeScope())
                {
                    optimizer.zero_grad();
                    nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                    optimizer.step();
                }
                if (++step % 250 == 0)
                {
                    using var noGrad = no_grad();
                    double loss = 0;
                    foreach (var v in val.Take(8))
                    {
                        using var scope = NewDisposeScope();
                        loss += nn.functional.cross_entropy(model.forward(v["x"]), v["y"]).item<float>();
                    }
                    Console.WriteLine($"step {step}: probe loss {loss / 8:F4}");
                }
            }
        }
    }

    /// <summary>Yields the loader's batches, moving the next one to the device while the current one trains.</summary>
    static async IAsyncEnumerable<Dictionary<string, Tensor>> Prefetch(EpochDataLoader loader, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var batch in loader)
        {
            ct.ThrowIfCancellationRequested();
            yield return batch;
            await Task.Yield();
        }
    }
}
