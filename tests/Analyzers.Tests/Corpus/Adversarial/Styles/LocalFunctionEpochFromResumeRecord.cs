// Scenario: a functional resume routine wraps one epoch in a local function RunEpoch(int e) that sets the sampler's epoch and averages the loader's losses, but the loop calls RunEpoch(startEpoch) instead of RunEpoch(epoch), so every resumed epoch reuses one order (wrong: CMP004 on the setter inside the local function).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut3.Styles.LocalFunctionEpochFromResumeRecord;

public sealed record FitConfig(int Epochs, int BatchSize, int Seed, float LearningRate);

public sealed record Checkpoint(int Epoch, double BestLoss, string Path)
{
    public static Checkpoint? TryRead(string path) =>
        File.Exists(path) && File.ReadAllText(path).Split(';') is [var e, var b, ..]
            ? new Checkpoint(int.Parse(e), double.Parse(b), path)
            : null;

    public void Write() => File.WriteAllText(Path, $"{Epoch};{BestLoss}");
}

public static class Resume
{
    public static Checkpoint Fit(FitConfig cfg, InMemoryDataset data, string checkpointPath)
    {
        var resume = Checkpoint.TryRead(checkpointPath);
        var startEpoch = resume is { Epoch: var last } ? last + 1 : 0;

        var sampler = new RandomSampler(data.Count, seed: cfg.Seed);
        var loader = new EpochDataLoader(data, batchSize: cfg.BatchSize, sampler: sampler, dropLast: true);
        var model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2));
        var optimizer = optim.RMSProp(model.parameters(), lr: cfg.LearningRate);

        double RunEpoch(int e)
        {
            sampler.SetEpoch(e); //! CMP004
            return loader
                .Select(batch => Step(batch["x"], batch["y"]))
                .DefaultIfEmpty(double.NaN)
                .Average();
        }

        double Step(Tensor x, Tensor y)
        {
            optimizer.zero_grad();
            using var loss = nn.functional.cross_entropy(model.forward(x), y);
            loss.backward();
            optimizer.step();
            return loss.item<float>();
        }

        var state = resume ?? new Checkpoint(-1, double.PositiveInfinity, checkpointPath);
        for (var epoch = startEpoch; epoch < cfg.Epochs; epoch++)
        {
            var loss = RunEpoch(startEpoch);
            state = loss < state.BestLoss
                ? state with { Epoch = epoch, BestLoss = loss }
                : state with { Epoch = epoch };
            state.Write();
        }
        return state;
    }

    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["x"] = randn(1200, 8),
            ["y"] = randint(0, 2, new long[] { 1200 }),
        });
        var final = Fit(new FitConfig(Epochs: 15, BatchSize: 40, Seed: 3, LearningRate: 1e-3f), data, "resume.txt");
        Console.WriteLine(final is { BestLoss: < 0.3 } ? "converged" : $"best loss {final.BestLoss:F3}");
    }
}
