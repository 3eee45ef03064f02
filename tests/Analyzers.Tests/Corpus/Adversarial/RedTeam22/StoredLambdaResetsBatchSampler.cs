// Scenario: the notebook loop with a stored lambda `reset = (b, e) => { if (b is IEpochAware aware) aware.SetEpoch(e); … }` that tells the batch sampler it is handed the epoch, called as `reset(loader.BatchSampler, epoch)` on each pass beside the (useless) `loader.Sampler` setter. The pass "handles the batch sampler": the lambda sets the epoch of the parameter that receives `loader.BatchSampler` (and handed to a call the batch sampler counts anyway unless the callee is in view and sets nothing of it). Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam22.StoredLambdaResetsBatchSampler;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(7000, 14), ["y"] = randint(0, 2, new long[] { 7000 }) });
        var shard = new DistributedSampler(data.Count, numReplicas: 2, rank: 0, seed: 31);
        using var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 128, dropLast: true));
        var model = nn.Sequential(("fc1", nn.Linear(14, 28)), ("act", nn.ReLU()), ("fc2", nn.Linear(28, 2)));
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);

        Action<IBatchSampler, int> reset = (b, e) =>
        {
            if (b is IEpochAware aware) aware.SetEpoch(e);
            Console.WriteLine($"{b.Count} batches this epoch on this rank");
        };

        for (int epoch = 0; epoch < 10; epoch++)
        {
            if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch);
            reset(loader.BatchSampler, epoch);
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
