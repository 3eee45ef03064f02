// Scenario: a multi-modal functional pipeline zips a RandomSampler text loader with a class-balanced image loader in a foreach over Enumerable.Range(0, epochs), reshuffling both through a pure static helper Reshuffle(IEnumerable<EpochDataLoader>, int) called with new[] { text, image } (right: nothing flagged).
using System.Collections.Immutable;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut3.Styles.StaticHelperReshufflesZippedLoaders;

public abstract record Schedule
{
    public sealed record Constant(double Lr) : Schedule;
    public sealed record StepDecay(double Lr, int Every, double Factor) : Schedule;
    public sealed record Warmup(double Lr, int WarmupEpochs) : Schedule;
}

public sealed record PipelineConfig(int Epochs, int TextBatch, int Classes, int PerClass, int Seed, Schedule Schedule);

public sealed record EpochSummary(int Epoch, double Lr, double Loss);

public static class MultiModal
{
    public static double LearningRate(Schedule schedule, int epoch) => schedule switch
    {
        Schedule.Constant c => c.Lr,
        Schedule.StepDecay s => s.Lr * Math.Pow(s.Factor, epoch / s.Every),
        Schedule.Warmup w when epoch < w.WarmupEpochs => w.Lr * (epoch + 1) / w.WarmupEpochs,
        Schedule.Warmup w => w.Lr,
        _ => throw new ArgumentOutOfRangeException(nameof(schedule)),
    };

    public static void Reshuffle(IEnumerable<EpochDataLoader> loaders, int epoch)
    {
        foreach (var loader in loaders) loader.SetEpoch(epoch);
    }

    public static ImmutableList<EpochSummary> Train(PipelineConfig cfg, InMemoryDataset texts, InMemoryDataset images, IReadOnlyList<long> imageLabels)
    {
        var text = new EpochDataLoader(texts, batchSize: cfg.TextBatch, sampler: new RandomSampler(texts.Count, seed: cfg.Seed));
        var image = new EpochDataLoader(images, batchSampler: new ClassBalancedBatchSampler(imageLabels, cfg.Classes, cfg.PerClass, seed: cfg.Seed));
        var textTower = nn.Linear(300, 128);
        var imageTower = nn.Linear(512, 128);
        var optimizer = optim.SGD(textTower.parameters().Concat(imageTower.parameters()), LearningRate(cfg.Schedule, 0));

        var history = ImmutableList<EpochSummary>.Empty;
        foreach (var epoch in Enumerable.Range(0, cfg.Epochs))
        {
            Reshuffle(new[] { text, image }, epoch);
            var lr = LearningRate(cfg.Schedule, epoch);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;

            var losses = text
                .Zip(image, (t, i) => Contrastive(textTower.forward(t["emb"]), imageTower.forward(i["emb"]), optimizer))
                .ToList();
            history = history.Add(new EpochSummary(epoch, lr, losses.DefaultIfEmpty(double.NaN).Average()));
        }
        return history;
    }

    private static double Contrastive(Tensor t, Tensor i, optim.Optimizer optimizer)
    {
        optimizer.zero_grad();
        var n = Math.Min(t.shape[0], i.shape[0]);
        using var logits = nn.functional.normalize(t[..(int)n], dim: 1).matmul(nn.functional.normalize(i[..(int)n], dim: 1).t()) / 0.07;
        using var loss = nn.functional.cross_entropy(logits, arange(n));
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    public static void Main()
    {
        var texts = new InMemoryDataset(new Dictionary<string, Tensor> { ["emb"] = randn(2000, 300) });
        var images = new InMemoryDataset(new Dictionary<string, Tensor> { ["emb"] = randn(2000, 512) });
        var labels = Enumerable.Range(0, 2000).Select(i => (long)(i % 50)).ToArray();
        var cfg = new PipelineConfig(10, 64, 16, 4, 123, new Schedule.Warmup(0.1, 3));
        Train(cfg, texts, images, labels).ForEach(s => Console.WriteLine($"{s.Epoch}: lr {s.Lr:G3} loss {s.Loss:F4}"));
    }
}
