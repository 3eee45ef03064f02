using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class EvalTests
{
    [Fact]
    public void EvalAveragesLossAndAccuracyOverEverySample()
    {
        using var model = TrainingFixtures.Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(100), batchSize: 32, disposeDataset: true); // 32+32+32+4
        using var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(64, 32), EvalLoader = eval, Device = "cpu" });

        var metrics = trainer.Eval();

        model.eval();
        var (data, label) = TrainingFixtures.Subset(100);
        using var noGrad = no_grad();
        using var logits = model.Module.call(data);
        double accuracy = logits.argmax(1).eq(label).sum().item<long>() / 100.0;
        double loss = nn.functional.cross_entropy(logits, label).item<float>();
        Assert.Equal(accuracy, metrics["accuracy"], 12);
        Assert.Equal(loss, metrics["loss"], 5);
        Assert.Same(metrics, trainer.State.EvalMetrics);
    }

    [Theory]
    [InlineData("3ba", new long[] { 3, 6, 8 })] // every 3 batches, and once at the end
    [InlineData("2ba", new long[] { 2, 4, 6, 8 })] // the last batch's evaluation is the end's: the weights are the same
    [InlineData("1ep", new long[] { 4, 8 })]
    [InlineData("80sp", new long[] { 3, 5, 8 })] // 32 samples a batch: 80, 160 and 240 are crossed in batches 3, 5 and 8
    [InlineData("0.25dur", new long[] { 2, 4, 6, 8 })]
    [InlineData("0.3dur", new long[] { 3, 5, 8 })] // 0.3, 0.6 and 0.9 of 8 batches: 2.4, 4.8, 7.2
    public void FitEvaluatesAtTheEvalInterval(string interval, long[] batches)
    {
        using var model = TrainingFixtures.Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(64), batchSize: 32, disposeDataset: true);
        var evaluatedAt = new List<long>();
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(128, 32),
            EvalLoader = eval,
            Device = "cpu",
            MaxDuration = "2ep",
            EvalInterval = interval,
            Callbacks = [new RecordingCallback((e, s) => { if (e == Event.EvalEnd) { evaluatedAt.Add(s.Timestamp.Batch); } })],
        });
        trainer.Fit();
        Assert.Equal(batches, evaluatedAt);
    }

    [Fact]
    public void RejectsAnEvalLoaderThatDropsItsLastBatch()
    {
        using var model = TrainingFixtures.Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(100), batchSize: 32, dropLast: true, disposeDataset: true);
        var e = Assert.Throws<ArgumentException>(() => new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(64, 32), EvalLoader = eval }));
        Assert.Equal("EvalLoader", e.ParamName);
        Assert.Contains(
            "covers 96 of the dataset's 100 samples: evaluation metrics would be computed on a subset. Evaluate with a sequential batch sampler without dropLast.",
            e.Message);
    }

    [Fact]
    public void RejectsAnEvalLoaderWithAClassBalancedBatchSampler()
    {
        using var model = TrainingFixtures.Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var sampler = new ClassBalancedBatchSampler(TrainingFixtures.Labels(200), classesPerBatch: 4, samplesPerClass: 5);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(200), batchSampler: sampler, disposeDataset: true);
        var e = Assert.Throws<ArgumentException>(() => new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(64, 32), EvalLoader = eval }));
        Assert.Equal("EvalLoader", e.ParamName);
        Assert.Contains(nameof(ClassBalancedBatchSampler), e.Message);
    }

    [Fact]
    public void RejectsAnEvalLoaderThatCoversEverySampleButRepeatsSome()
    {
        using var model = TrainingFixtures.Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(100), batchSampler: new BatchSampler(new TwiceOver(100), 32), disposeDataset: true);
        var e = Assert.Throws<ArgumentException>(() => new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(64, 32), EvalLoader = eval }));
        Assert.Equal("EvalLoader", e.ParamName);
        Assert.Contains("covers 100 of the dataset's 100 samples and repeats 100: evaluation metrics would be computed on repeated samples", e.Message);
    }

    /// <summary>A sampler that both skips and repeats samples is refused for the subset, with the repeats counted.</summary>
    [Fact]
    public void RejectsAnEvalLoaderThatSkipsSomeSamplesAndRepeatsOthers()
    {
        using var model = TrainingFixtures.Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(100), batchSampler: new BatchSampler(new TwiceOver(40), 32), disposeDataset: true);
        var e = Assert.Throws<ArgumentException>(() => new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(64, 32), EvalLoader = eval }));
        Assert.Equal("EvalLoader", e.ParamName);
        Assert.Contains("covers 40 of the dataset's 100 samples and repeats 40: evaluation metrics would be computed on a subset.", e.Message);
    }

    /// <summary>Every index, then every index again.</summary>
    private sealed class TwiceOver(long length) : ISampler
    {
        public long Count => 2 * length;

        public IEnumerator<long> GetEnumerator()
        {
            for (int pass = 0; pass < 2; pass++)
            {
                for (long i = 0; i < length; i++)
                {
                    yield return i;
                }
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
