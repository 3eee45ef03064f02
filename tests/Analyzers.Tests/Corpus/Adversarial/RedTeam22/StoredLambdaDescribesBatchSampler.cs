// Scenario: a notebook-style script keeps a little `Action<IBatchSampler> describe = b => Console.WriteLine(…)` to print the batch sampler's size, calls `describe(loader.BatchSampler)` each epoch, and reshuffles with `if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch);` — Composer's bug: the loader draws from a DistributedSampler-backed BatchSampler, so its `Sampler` is a SequentialSampler and the order never changes. Handing the batch sampler on counts only when it goes "to a method not in view"; "Local functions and lambdas of the member are always in view", and one "in view that sets nothing of the parameter that receives it" is still flagged ("Still flagged: a pass that only *reads* the batch sampler"). The lambda only reads `Count`. CMP001 at the setter.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam22.StoredLambdaDescribesBatchSampler;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(7000, 14), ["y"] = randint(0, 2, new long[] { 7000 }) });
        var shard = new DistributedSampler(data.Count, numReplicas: 2, rank: 0, seed: 31);
        using var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 128, dropLast: true));
        var model = nn.Sequential(("fc1", nn.Linear(14, 28)), ("act", nn.ReLU()), ("fc2", nn.Linear(28, 2)));
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);

        Action<IBatchSampler> describe = b => Console.WriteLine($"{b.Count} batches this epoch on this rank");

        for (int epoch = 0; epoch < 10; epoch++)
        {
            if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001
            describe(loader.BatchSampler);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                optimizer.step();
            }
        }
    }
}
