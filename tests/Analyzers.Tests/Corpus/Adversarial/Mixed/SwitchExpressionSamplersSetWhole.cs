// Scenario: the sampler and an optional P×K batch sampler are picked by switch expressions on a mode enum, the loader by a ?: over two creations, samplers are described with property patterns, and the epoch loop sets the whole loader with Epochs.SetEpoch — correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Metric;

public enum SamplingMode { Sequential, Random, Distributed, Pk }
public enum Phase { Warmup, Main, Cooldown }

public sealed record RunOptions(SamplingMode Mode, int Epochs, int Seed, int Rank = 0, int WorldSize = 1, double Lr = 1e-3);

public static class SamplerDescriptions
{
    public static string Describe(ISampler sampler) => sampler switch
    {
        DistributedSampler { Shuffle: true } d => $"distributed, rank {d.Rank}/{d.NumReplicas}, seed {d.Seed}",
        DistributedSampler d => $"distributed in order, rank {d.Rank}/{d.NumReplicas}",
        RandomSampler { Replacement: true } => "random with replacement",
        RandomSampler => "random permutation",
        SequentialSampler => "sequential",
        _ => sampler.GetType().Name,
    };

    public static string Describe(IBatchSampler? batches) => batches switch
    {
        null => "built from the sampler",
        ClassBalancedBatchSampler { ClassesPerBatch: var p, SamplesPerClass: var k } => $"P×K = {p}×{k}",
        BatchSampler b => $"batches of {b.BatchSize}",
        _ => "custom",
    };
}

public static class EmbeddingRun
{
    public static Phase PhaseOf(int epoch, int epochs) => epoch switch
    {
        0 => Phase.Warmup,
        _ when epoch >= epochs - 1 => Phase.Cooldown,
        _ => Phase.Main,
    };

    public static void Run(RunOptions options)
    {
        const long n = 2400;
        var labels = Enumerable.Range(0, (int)n).Select(i => (long)(i % 12)).ToList();
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(n, 24),
            ["label"] = torch.tensor(labels.ToArray()),
        });

        ISampler sampler = options.Mode switch
        {
            SamplingMode.Random => new RandomSampler(n, seed: options.Seed),
            SamplingMode.Distributed => new DistributedSampler(n, options.WorldSize, options.Rank, seed: options.Seed),
            _ => new SequentialSampler(n),
        };
        IBatchSampler? batches = options.Mode switch
        {
            SamplingMode.Pk => new ClassBalancedBatchSampler(labels, classesPerBatch: 4, samplesPerClass: 8, seed: options.Seed),
            _ => null,
        };
        var loader = batches is null
            ? new EpochDataLoader(data, 64, sampler: sampler)
            : new EpochDataLoader(data, batchSampler: batches);
        Console.WriteLine($"{SamplerDescriptions.Describe(sampler)}; {SamplerDescriptions.Describe(batches)}");

        var embed = nn.Sequential(("fc1", nn.Linear(24, 64)), ("act", nn.ReLU()), ("fc2", nn.Linear(64, 16)));
        var optimizer = optim.Adam(embed.parameters(), options.Lr);

        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            Epochs.SetEpoch(loader, epoch);
            var lr = PhaseOf(epoch, options.Epochs) switch
            {
                Phase.Warmup => options.Lr * 0.1,
                Phase.Cooldown => options.Lr * 0.01,
                _ => options.Lr,
            };
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;

            double sum = 0;
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                var z = nn.functional.normalize(embed.forward(batch["data"]), p: 2, dim: 1);
                var y = batch["label"];
                var same = y.unsqueeze(0).eq(y.unsqueeze(1)).to(ScalarType.Float32);
                var distances = torch.cdist(z, z);
                using var loss = (same * distances.pow(2) + (1 - same) * nn.functional.relu(0.5 - distances).pow(2)).mean();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch} ({PhaseOf(epoch, options.Epochs)}): contrastive loss {sum / Math.Max(1, loader.Count):F4}");
        }
    }
}
