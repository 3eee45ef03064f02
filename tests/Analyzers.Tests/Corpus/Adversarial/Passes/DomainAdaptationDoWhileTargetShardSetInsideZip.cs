// Scenario: domain adaptation in a do … while with the round advanced in the condition; the source shard is set before the batch loop, but the target shard is set on the first batch of the zipped loop — wrong (one epoch late for the target loader).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.DomainAdaptationDoWhileTargetShardSetInsideZip;

public static class Program
{
    public static void Main(string[] args)
    {
        int maxRounds = args.Length > 0 ? int.Parse(args[0]) : 50;
        using var sourceSet = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(8_000, 128),
            ["label"] = randint(0, 12, new long[] { 8_000 }),
        });
        using var targetSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(6_000, 128) + 0.5f });

        var sourceShard = new DistributedSampler(sourceSet.Count, numReplicas: 1, rank: 0, seed: 11);
        var targetShard = new DistributedSampler(targetSet.Count, numReplicas: 1, rank: 0, seed: 12);
        using var sourceLoader = new EpochDataLoader(sourceSet, batchSize: 64, sampler: sourceShard, dropLast: true);
        using var targetLoader = new EpochDataLoader(targetSet, batchSize: 64, sampler: targetShard, dropLast: true);

        var features = nn.Sequential(("f1", nn.Linear(128, 256)), ("f_act", nn.ReLU()), ("f2", nn.Linear(256, 64)));
        var classifier = nn.Linear(64, 12);
        var parameters = features.parameters().Concat(classifier.parameters());
        var optimizer = optim.Adam(parameters, lr: 1e-3);

        int round = 0;
        double gap;
        do
        {
            sourceShard.SetEpoch(round);
            bool first = true;
            double gapSum = 0;
            int steps = 0;
            foreach (var (s, t) in sourceLoader.Zip(targetLoader))
            {
                if (first)
                {
                    // the target domain reshuffles too
                    targetShard.SetEpoch(round); //! CMP005
                    first = false;
                }
                using var scope = NewDisposeScope();
                var fs = features.forward(s["data"]);
                var ft = features.forward(t["data"]);
                var mmd = (fs.mean(new long[] { 0 }) - ft.mean(new long[] { 0 })).pow(2).sum();
                var loss = nn.functional.cross_entropy(classifier.forward(fs), s["label"]) + 0.3f * mmd;
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                gapSum += mmd.item<float>();
                steps++;
            }
            gap = gapSum / Math.Max(steps, 1);
            Console.WriteLine($"round {round}: domain gap {gap:F4}");
        } while (++round < maxRounds && gap > 0.05);
    }
}
