// Scenario: a functional experiment maps Enumerable.Range(0, epochs).Select(epoch => …) to immutable EpochResult records, setting the shuffling loader's epoch first in each projection, then fine-tunes in a foreach over Enumerable.Range with Epochs.SetEpoch (right: nothing flagged).
using System.Collections.Immutable;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut3.Styles.SelectOverEpochsSetsEpochFirst;

public sealed record RunConfig(int Epochs, int FineTuneEpochs, int BatchSize, int Seed, double LearningRate);

public sealed record EpochResult(int Epoch, double TrainLoss, double ValAccuracy)
{
    public string Summary => this switch
    {
        { ValAccuracy: > 0.9 } => $"epoch {Epoch}: excellent ({ValAccuracy:P1})",
        { TrainLoss: double.NaN } => $"epoch {Epoch}: diverged",
        _ => $"epoch {Epoch}: loss {TrainLoss:F3}, acc {ValAccuracy:P1}",
    };
}

public static class Experiment
{
    public static ImmutableArray<EpochResult> Run(RunConfig cfg, InMemoryDataset train, InMemoryDataset val)
    {
        var model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 5));
        var optimizer = optim.Adam(model.parameters(), lr: cfg.LearningRate);
        var trainLoader = new EpochDataLoader(train, batchSize: cfg.BatchSize, shuffle: true, seed: cfg.Seed);
        var valLoader = new EpochDataLoader(val, batchSize: 512);

        var results = Enumerable.Range(0, cfg.Epochs)
            .Select(epoch =>
            {
                trainLoader.SetEpoch(epoch);
                var loss = trainLoader.Select(batch => Step(model, optimizer, batch)).Average();
                return new EpochResult(epoch, loss, Accuracy(model, valLoader));
            })
            .ToImmutableArray();

        var lowLr = optim.SGD(model.parameters(), cfg.LearningRate / 10);
        var fineTuned = results.ToBuilder();
        foreach (var epoch in Enumerable.Range(cfg.Epochs, cfg.FineTuneEpochs))
        {
            Epochs.SetEpoch(trainLoader, epoch);
            var loss = trainLoader.Select(batch => Step(model, lowLr, batch)).Average();
            fineTuned.Add(new EpochResult(epoch, loss, Accuracy(model, valLoader)));
        }

        return fineTuned.ToImmutable();
    }

    private static double Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Dictionary<string, Tensor> batch)
    {
        model.train();
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    private static double Accuracy(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        model.eval();
        using var _ = no_grad();
        var (correct, total) = loader
            .Select(b => (Correct: model.forward(b["x"]).argmax(1).eq(b["y"]).sum().item<long>(), Count: b["y"].shape[0]))
            .Aggregate((Correct: 0L, Count: 0L), (acc, x) => (acc.Correct + x.Correct, acc.Count + x.Count));
        return total == 0 ? 0 : (double)correct / total;
    }

    public static void Main()
    {
        static InMemoryDataset Make(long n) => new(new Dictionary<string, Tensor> { ["x"] = randn(n, 20), ["y"] = randint(0, 5, new long[] { n }) });
        var results = Run(new RunConfig(Epochs: 6, FineTuneEpochs: 2, BatchSize: 32, Seed: 4, LearningRate: 1e-3), Make(3000), Make(600));
        results.Select(r => r.Summary).ToList().ForEach(Console.WriteLine);
        var best = results.MaxBy(r => r.ValAccuracy);
        Console.WriteLine(best is null ? "no epochs" : $"best: {best.Summary}");
    }
}
