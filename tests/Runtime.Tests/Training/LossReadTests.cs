using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

/// <summary>The trainer keeps each batch's loss on the device and reads it back only when something asks for it.</summary>
[Collection(TrainingCollection.Name)]
public class LossReadTests
{
    [Fact]
    public void WithoutLoggersNoBatchReadsItsLossFromTheDevice()
    {
        // PyTorch's meta device has shapes and no values: item(), ToSingle(), data<T>() or cpu() of its
        // tensors throw, so one read of the loss in any batch would end Fit with an exception.
        using var model = new MetaClassifier();
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var lossTensors = new List<Tensor>();
        var devices = new List<DeviceType>();
        var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(100, 32),
            Device = "cpu",
            MaxDuration = "2ep",
            GradAccumSteps = 2,
            Callbacks = [new RecordingCallback((e, s) => { if (e == Event.BatchEnd) { lossTensors.Add(s.LossTensor!); devices.Add(s.LossTensor!.device_type); } })],
        });
        trainer.Fit();

        Assert.Equal(8 * 2, model.LossCalls); // 8 batches of 2 micro-batches each did run
        Assert.Equal(8, lossTensors.Count);
        Assert.All(devices, d => Assert.Equal(DeviceType.META, d));
        Assert.Equal(8, lossTensors.Distinct().Count()); // a new tensor per batch, each replaced one disposed
        Assert.All(lossTensors.Take(7), t => Assert.True(t.IsInvalid));
        Assert.Empty(trainer.State.LossTensor!.shape);
        // The control: reading this loss does throw, so Fit cannot have read any.
        Assert.ThrowsAny<Exception>(() => trainer.State.Loss);

        trainer.Dispose();
        Assert.Null(trainer.State.LossTensor);
        Assert.Throws<ObjectDisposedException>(() => trainer.State.Loss);
    }

    [Fact]
    public void LoggedLossesAreTheValuesTheTrainerUsedToReadEveryBatch()
    {
        const int gradAccumSteps = 3;
        using var model = new RecordingClassifier();
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var logger = new TrainLossLogger();
        var seenAtBatchEnd = new List<double>();
        using (var trainer = new Trainer(new()
        {
            // 100 samples in batches of 32: the last batch of 4 splits 2 + 1 + 1, the others 11 + 11 + 10.
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(100, 32),
            Device = "cpu",
            MaxDuration = "2ep",
            GradAccumSteps = gradAccumSteps,
            Loggers = [logger],
            Callbacks = [new RecordingCallback((e, s) => { if (e == Event.BatchEnd) { seenAtBatchEnd.Add(s.Loss); } })],
        }))
        {
            trainer.Fit();
            Assert.Equal(logger.Losses[^1], trainer.State.Loss);
        }

        // The old way: a float32 accumulator of one element, each micro-batch's loss times its share of
        // the batch added to it, read back with item<float>() after the optimizer step.
        var expected = new List<double>();
        foreach (var micro in model.Losses.Chunk(gradAccumSteps))
        {
            long size = micro.Sum(m => m.Size);
            using var total = zeros(1);
            foreach (var (loss, microSize) in micro)
            {
                using var weighted = loss * ((double)microSize / size);
                total.add_(weighted);
            }

            expected.Add(total.item<float>());
        }

        Assert.Equal(8, expected.Count);
        Assert.Equal(expected, logger.Losses); // exactly, not approximately
        Assert.Equal(expected, seenAtBatchEnd);
        foreach (var (loss, _) in model.Losses)
        {
            loss.Dispose();
        }
    }

    /// <summary>A linear classifier whose parameters and computations live on the meta device.</summary>
    /// <summary>Before any batch the loss is NaN, also once the trainer is disposed: no loss was left unread.</summary>
    [Fact]
    public void ATrainerDisposedBeforeAnyBatchHasANaNLoss()
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(16, 8),
            Device = "cpu",
            MaxDuration = "1ep",
        });
        Assert.True(double.IsNaN(trainer.State.Loss));
        trainer.Dispose();
        Assert.True(double.IsNaN(trainer.State.Loss));
    }

    /// <summary>Disposing the trainer frees the last loss's tensor; a loss already read stays readable.</summary>
    [Fact]
    public void DisposingTheTrainerFreesTheLastLossTensorAndKeepsTheValueRead()
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(16, 8),
            Device = "cpu",
            MaxDuration = "1ba",
        });
        trainer.Fit();
        var last = trainer.State.LossTensor!;
        double loss = trainer.State.Loss;
        Assert.Equal(last.item<float>(), loss);

        trainer.Dispose();
        Assert.True(last.IsInvalid);
        Assert.Equal(loss, trainer.State.Loss);
    }

    private sealed class MetaClassifier : ComposerModel
    {
        private static readonly Device Meta = new(DeviceType.META);
        private readonly nn.Module<Tensor, Tensor> _linear;

        public MetaClassifier() : base(nameof(MetaClassifier))
        {
            _linear = nn.Linear(784, 10);
            RegisterComponents();
            this.to(Meta);
        }

        public int LossCalls { get; private set; }

        public override Tensor Forward(Dictionary<string, Tensor> batch) => _linear.call(batch["data"].flatten(1).to(Meta));

        public override Tensor Loss(Tensor outputs, Dictionary<string, Tensor> batch)
        {
            LossCalls++;
            return nn.functional.cross_entropy(outputs, batch["label"].to(Meta));
        }
    }

    /// <summary>The fixtures' MLP (no dropout) that keeps a copy of every micro-batch's loss and its size.</summary>
    private sealed class RecordingClassifier() : ComposerClassifier(Network())
    {
        public List<(Tensor Loss, long Size)> Losses { get; } = [];

        public override Tensor Loss(Tensor outputs, Dictionary<string, Tensor> batch)
        {
            var loss = base.Loss(outputs, batch);
            Losses.Add((loss.detach().clone().DetachFromDisposeScope(), batch["label"].shape[0]));
            return loss;
        }

        private static nn.Module<Tensor, Tensor> Network()
        {
            Reproducibility.SeedAll(5);
            return nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 64)), ("relu", nn.ReLU()), ("fc2", nn.Linear(64, 10)));
        }
    }

    private sealed class TrainLossLogger : LoggerDestination
    {
        public List<double> Losses { get; } = [];

        public override void LogMetrics(IReadOnlyDictionary<string, double> metrics, State state)
        {
            if (metrics.TryGetValue("loss/train", out double loss))
            {
                Losses.Add(loss);
            }
        }
    }
}
