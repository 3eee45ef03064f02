using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class LabelSmoothingTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    public void TheLossIsCrossEntropyAgainstTheSmoothedTargets(double smoothing)
    {
        var batches = TrainingFixtures.Batches(64, 64);
        using var model = TrainingFixtures.Mlp(7, dropout: 0);
        var (data, label) = (batches[0]["data"], batches[0]["label"]);
        double expected, byHand;
        using (no_grad())
        {
            var logits = model.Module.call(data);
            expected = nn.functional.cross_entropy(logits, label, label_smoothing: smoothing).item<float>(); // PyTorch's definition
            var targets = nn.functional.one_hot(label, 10).to(ScalarType.Float32) * (1 - smoothing) + smoothing / 10;
            byHand = (-(targets * nn.functional.log_softmax(logits, 1)).sum(1)).mean().item<float>();
        }

        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var labelsSeen = new List<Tensor>();
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = batches,
            Device = "cpu",
            Algorithms = [new LabelSmoothing(smoothing)],
            Callbacks = [new RecordingCallback((e, s) =>
            {
                if (e is Event.AfterLoss or Event.BatchEnd)
                {
                    labelsSeen.Add(s.Batch!["label"]);
                }
            })],
        });
        trainer.Fit();

        Assert.Equal(expected, trainer.State.Loss, 5);
        Assert.Equal(byHand, trainer.State.Loss, 5);
        // The hard labels are back after the loss: callbacks and metrics see what the loader gave.
        Assert.All(labelsSeen, l => Assert.Same(label, l));
    }

    [Fact]
    public void ZeroSmoothingChangesNothing()
    {
        var losses = new double[2];
        for (int run = 0; run < 2; run++)
        {
            using var model = TrainingFixtures.Mlp(7, dropout: 0);
            using var optimizer = optim.SGD(model.parameters(), 0.1);
            using var trainer = new Trainer(new()
            {
                Model = model,
                Optimizer = optimizer,
                TrainLoader = TrainingFixtures.Batches(64, 32),
                Device = "cpu",
                Algorithms = run == 0 ? [] : [new LabelSmoothing(0)],
            });
            trainer.Fit();
            losses[run] = trainer.State.Loss;
        }

        Assert.Equal(losses[0], losses[1], 6);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void SmoothingOutsideZeroToOneIsRefused(double smoothing)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LabelSmoothing(smoothing));
        Assert.Equal("smoothing", e.ParamName);
        Assert.Contains(smoothing.ToString(), e.Message);
    }

    /// <summary>Targets that are already probabilities (float, N × classes) are smoothed the same way, not one-hot encoded.</summary>
    [Fact]
    public void ProbabilityTargetsAreSmoothedTheSameWay()
    {
        const double smoothing = 0.2;
        var batches = TrainingFixtures.Batches(64, 64);
        var data = batches[0]["data"];
        var hard = nn.functional.one_hot(batches[0]["label"], 10).to(ScalarType.Float32);
        var soft = hard * 0.7 + hard.roll(1, 1) * 0.3; // each sample shared between its class and the next
        batches[0]["label"] = soft;
        using var model = TrainingFixtures.Mlp(7, dropout: 0);
        double expected;
        using (no_grad())
        {
            var targets = soft * (1 - smoothing) + smoothing / 10;
            expected = (-(targets * nn.functional.log_softmax(model.Module.call(data), 1)).sum(1)).mean().item<float>();
        }

        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = batches,
            Device = "cpu",
            Algorithms = [new LabelSmoothing(smoothing)],
        });
        trainer.Fit();

        Assert.Equal(expected, trainer.State.Loss, 5);
    }
}
