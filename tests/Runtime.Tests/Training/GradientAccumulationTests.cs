using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class GradientAccumulationTests
{
    [Theory]
    [InlineData(4, 128)] // 4 micro-batches of 32 against one batch of 128
    [InlineData(3, 100)] // uneven micro-batches: 34 + 33 + 33
    public void MicroBatchesGiveTheSameUpdateAsOneBatch(int gradAccumSteps, int batchSize)
    {
        var whole = Train(gradAccumSteps: 1, batchSize);
        var accumulated = Train(gradAccumSteps, batchSize);
        foreach (var (name, expected) in whole)
        {
            var actual = accumulated[name];
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5f + 1e-4f * Math.Abs(expected[i]),
                    $"{name}[{i}]: {expected[i]} vs {actual[i]}");
            }
        }

        // And training did move the weights, so the comparison means something.
        using var initial = TrainingFixtures.Mlp(3, dropout: 0);
        Assert.NotEqual(TrainingFixtures.Weights(initial)["module.fc1.weight"], whole["module.fc1.weight"]);
    }

    [Fact]
    public void MicroBatchesSplitOnlyTensorsWithASampleDimensionAndPassTheRestWhole()
    {
        // Beside data and label, a per-class table ([10], not per sample) and a scalar: every micro-batch gets them whole.
        var batches = TrainingFixtures.Batches(200, 100);
        foreach (var batch in batches)
        {
            batch["class_weight"] = arange(10, dtype: ScalarType.Float32);
            batch["scale"] = tensor(2.5f);
        }

        var seen = new List<(long Samples, long[] Table, float Scale)>();
        using var model = TrainingFixtures.Mlp(3, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.05);
        using (var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = batches,
            Device = "cpu",
            GradAccumSteps = 3,
            Callbacks = [new RecordingCallback((e, s) =>
            {
                if (e == Event.BeforeForward)
                    seen.Add((s.Batch!["data"].shape[0], s.Batch["class_weight"].shape, s.Batch["scale"].item<float>()));
            })],
        }))
        {
            trainer.Fit();
        }

        Assert.Equal([34L, 33, 33, 34, 33, 33], seen.Select(m => m.Samples));
        Assert.All(seen, m => Assert.Equal([10L], m.Table));
        Assert.All(seen, m => Assert.Equal(2.5f, m.Scale));
    }

    [Fact]
    public void TheLoggedLossIsTheWholeBatchMean()
    {
        var losses = new List<double>[2];
        for (int run = 0; run < 2; run++)
        {
            var seen = losses[run] = [];
            using var model = TrainingFixtures.Mlp(3, dropout: 0);
            using var optimizer = optim.SGD(model.parameters(), 0.05);
            using var trainer = new Trainer(new()
            {
                Model = model,
                Optimizer = optimizer,
                TrainLoader = TrainingFixtures.Batches(256, 128),
                Device = "cpu",
                GradAccumSteps = run == 0 ? 1 : 4,
                Callbacks = [new RecordingCallback((e, s) => { if (e == Event.BatchEnd) { seen.Add(s.Loss); } })],
            });
            trainer.Fit();
        }

        Assert.Equal(2, losses[0].Count);
        Assert.Equal(losses[0][0], losses[1][0], 4);
        Assert.Equal(losses[0][1], losses[1][1], 4);
    }

    private static Dictionary<string, float[]> Train(int gradAccumSteps, int batchSize)
    {
        using var model = TrainingFixtures.Mlp(3, dropout: 0);
        using var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(batchSize * 3, batchSize),
            MaxDuration = "2ep",
            GradAccumSteps = gradAccumSteps,
            ClipGradNorm = 5,
            Device = "cpu",
        });
        trainer.Fit();
        Assert.Equal(new Timestamp(2, 6, 0, batchSize * 6), trainer.State.Timestamp);
        return TrainingFixtures.Weights(model);
    }
}
