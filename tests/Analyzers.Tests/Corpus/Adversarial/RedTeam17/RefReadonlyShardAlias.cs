// Scenario: the shard sampler arrives as an `in` parameter, the loader is built from it, and the epoch is set through a `ref readonly` alias of that parameter (and a `scoped` span logs the losses): the sampler the loader was built from is set on every pass: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.RefReadonlyShardAlias;

public static class ShardTraining
{
    public static void Fit(InMemoryDataset data, in DistributedSampler shard, int epochs)
    {
        using var loader = new EpochDataLoader(data, batchSize: 32, sampler: shard);
        ref readonly DistributedSampler current = ref shard;
        var model = nn.Linear(4, 2);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.01);
        Span<float> losses = stackalloc float[8];

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            current.SetEpoch(epoch);
            int n = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                if (n < losses.Length) losses[n++] = loss.item<float>();
            }
            Report(epoch, losses[..n]);
        }
    }

    private static void Report(int epoch, scoped ReadOnlySpan<float> losses)
    {
        float sum = 0;
        foreach (var l in losses) sum += l;
        Console.WriteLine($"epoch {epoch}: {(losses.Length == 0 ? 0 : sum / losses.Length):F4}");
    }

    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(256, 4), ["label"] = randint(0, 2, 256) });
        Fit(data, new DistributedSampler(data.Count, numReplicas: 2, rank: 0, seed: 10), 3);
    }
}
