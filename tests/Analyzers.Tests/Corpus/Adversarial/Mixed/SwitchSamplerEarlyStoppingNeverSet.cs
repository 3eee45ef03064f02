// Scenario: the sampler is chosen by a switch expression on the run mode (random, sharded or sequential), described with patterns before training, and the loader built over it is iterated in a while loop with early stopping that never sets the loader's epoch: CMP002.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.EarlyStop;

public enum RunMode { Debug, Single, Sharded }
public enum Progress { Improved, Stalled, Exhausted }

public sealed record StopPolicy(int Patience, double MinDelta, int MaxEpochs);

public sealed class Plateau(StopPolicy policy)
{
    private int _stalled;
    public double Best { get; private set; } = double.PositiveInfinity;
    public int Epochs { get; private set; }

    public Progress Report(double loss)
    {
        Epochs++;
        if (loss < Best - policy.MinDelta) { Best = loss; _stalled = 0; return Progress.Improved; }
        return ++_stalled >= policy.Patience || Epochs >= policy.MaxEpochs ? Progress.Exhausted : Progress.Stalled;
    }
}

public static class RegressionRun
{
    public static string Describe(ISampler sampler) => sampler switch
    {
        RandomSampler r => $"random over {r.Count}",
        DistributedSampler { NumReplicas: > 1 } d => $"shard {d.Rank} of {d.NumReplicas}",
        DistributedSampler d => $"single shard of {d.Count}",
        _ => "in order",
    };

    public static void Run(RunMode mode, int seed, int rank = 0, int world = 1)
    {
        const long rows = 4096;
        var x = torch.randn(rows, 12);
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = x,
            ["target"] = x.matmul(torch.randn(12, 1)) + 0.1 * torch.randn(rows, 1),
        });

        ISampler sampler = mode switch
        {
            RunMode.Single => new RandomSampler(rows, seed: seed),
            RunMode.Sharded => new DistributedSampler(rows, numReplicas: world, rank: rank, seed: seed),
            _ => new SequentialSampler(rows),
        };
        Console.WriteLine($"mode {mode}: {Describe(sampler)}");
        var loader = new EpochDataLoader(data, batchSize: 128, sampler: sampler, dropLast: true);

        var model = nn.Linear(12, 1);
        var optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9);
        var plateau = new Plateau(new StopPolicy(Patience: 3, MinDelta: 1e-4, MaxEpochs: 50));
        var progress = Progress.Improved;
        var lrScale = 1.0;

        while (progress != Progress.Exhausted)
        {
            double sum = 0;
            foreach (var batch in loader) //! CMP002
            {
                optimizer.zero_grad();
                using var loss = nn.functional.mse_loss(model.forward(batch["data"]), batch["target"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }

            progress = plateau.Report(sum / loader.Count);
            switch (progress)
            {
                case Progress.Improved:
                    Console.WriteLine($"epoch {plateau.Epochs}: best {plateau.Best:F5}");
                    break;
                case Progress.Stalled:
                    lrScale *= 0.5;
                    foreach (var group in optimizer.ParamGroups) group.LearningRate = 0.01 * lrScale;
                    Console.WriteLine($"epoch {plateau.Epochs}: stalled, lr x{lrScale}");
                    break;
                case Progress.Exhausted:
                    Console.WriteLine($"stopping after {plateau.Epochs} epochs");
                    break;
            }
        }

        var weights = model.weight!.data<float>().ToArray();
        for (int i = 0; i < weights.Length; i++) Console.WriteLine($"w[{i}] = {weights[i]:F3}");
    }
}
