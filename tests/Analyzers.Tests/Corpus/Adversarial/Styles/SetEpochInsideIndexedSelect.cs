// Scenario: a point-free training curve maps each epoch to loader.Select((batch, i) => …).Average() and sets the loader's epoch inside that lambda when i == 0, after the enumeration has already fixed the order, so each epoch runs with the previous one's order (wrong: CMP005).
using System.Collections.Immutable;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut3.Styles.SetEpochInsideIndexedSelect;

public sealed record CurveConfig(int Epochs, int BatchSize, int Seed, double LearningRate, int LogEvery);

public sealed record CurvePoint(int Epoch, double Loss, double EvalLoss);

public static class Curves
{
    public static ImmutableArray<CurvePoint> Train(CurveConfig cfg, InMemoryDataset train, InMemoryDataset eval)
    {
        var loader = new EpochDataLoader(train, batchSize: cfg.BatchSize, shuffle: true, seed: cfg.Seed);
        var evalLoader = new EpochDataLoader(eval, batchSize: 4 * cfg.BatchSize);
        var model = nn.Sequential(nn.Linear(6, 24), nn.ReLU(), nn.Linear(24, 1));
        var optimizer = optim.Adam(model.parameters(), lr: cfg.LearningRate);

        double Step(Dictionary<string, Tensor> batch)
        {
            model.train();
            optimizer.zero_grad();
            using var loss = nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]);
            loss.backward();
            optimizer.step();
            return loss.item<float>();
        }

        double EvalLoss()
        {
            model.eval();
            using var _ = no_grad();
            return evalLoader.Select(b => nn.functional.mse_loss(model.forward(b["x"]), b["y"]).item<float>()).DefaultIfEmpty(0f).Average();
        }

        return Enumerable.Range(0, cfg.Epochs)
            .Select(epoch => new CurvePoint(
                epoch,
                loader.Select((batch, i) =>
                {
                    if (i == 0) loader.SetEpoch(epoch); //! CMP005
                    if (i % cfg.LogEvery == 0) Console.Write('.');
                    return Step(batch);
                }).Average(),
                EvalLoss()))
            .ToImmutableArray();
    }

    public static string Render(ImmutableArray<CurvePoint> curve) =>
        string.Join(Environment.NewLine, curve.Select(p => p switch
        {
            { EvalLoss: var e, Loss: var l } when e > 1.5 * l => $"{p.Epoch,3}: {l:F4} / {e:F4}  overfitting?",
            _ => $"{p.Epoch,3}: {p.Loss:F4} / {p.EvalLoss:F4}",
        }));

    public static void Main()
    {
        var x = rand(3000, 6);
        var y = (x * arange(1, 7, dtype: float32)).sum(1, keepdim: true);
        var train = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x[..2500], ["y"] = y[..2500] });
        var eval = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x[2500..], ["y"] = y[2500..] });
        Console.WriteLine(Render(Train(new CurveConfig(Epochs: 8, BatchSize: 50, Seed: 1, LearningRate: 1e-2, LogEvery: 10), train, eval)));
    }
}
