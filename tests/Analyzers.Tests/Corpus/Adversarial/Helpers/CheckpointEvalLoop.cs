// Scenario: evaluating several snapshot models: a loop resets the evaluation sampler with testSampler.SetEpoch(0) and calls Evaluate(model, test) on a DistributedSampler(..., shuffle: false) loader. No finding: "a helper that runs an evaluation loader through a model does not make the loop that calls it an epoch loop", so the constant epoch is "a call in no epoch loop" for CMP004.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.CheckpointEvalLoop;

public static class Program
{
    public static void Main()
    {
        const int world = 2, rank = 0, snapshots = 5;
        var testSet = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["x"] = randn(3000, 12),
            ["y"] = randint(0, 3, new long[] { 3000 }),
        });
        var testSampler = new DistributedSampler(testSet.Count, numReplicas: world, rank: rank, shuffle: false);
        using var test = new EpochDataLoader(testSet, batchSize: 500, sampler: testSampler);

        var accuracies = new List<(int Snapshot, double Accuracy)>();
        for (int i = 0; i < snapshots; i++)
        {
            manual_seed(1000 + i);
            var model = nn.Sequential(("fc1", nn.Linear(12, 24)), ("act", nn.ReLU()), ("fc2", nn.Linear(24, 3)));
            var path = $"snapshot-{i}.bin";
            if (File.Exists(path)) model.load(path);

            testSampler.SetEpoch(0);
            accuracies.Add((i, Evaluate(model, test)));
        }

        foreach (var (snapshot, accuracy) in accuracies.OrderByDescending(a => a.Accuracy))
            Console.WriteLine($"snapshot {snapshot}: {accuracy:P2}");
    }

    static double Evaluate(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        model.eval();
        using var _ = no_grad();
        long correct = 0, total = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            correct += model.forward(batch["x"]).argmax(1).eq(batch["y"]).sum().item<long>();
            total += batch["y"].shape[0];
        }
        return total == 0 ? 0 : (double)correct / total;
    }
}
