using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class TrainerOptionsTests
{
    private static TrainerOptions Valid(ComposerModel model, optim.Optimizer optimizer) => new()
    {
        Model = model,
        Optimizer = optimizer,
        TrainLoader = TrainingFixtures.Batches(64, 32),
        Device = "cpu",
    };

    [Theory]
    [InlineData("MaxDuration", "three epochs")]
    [InlineData("MaxDuration", "0ep")]
    [InlineData("MaxDuration", "0ba")]
    [InlineData("MaxDuration", "-2ep")]
    [InlineData("MaxDuration", "0.5dur")]
    [InlineData("EvalInterval", "0ep")]
    [InlineData("EvalInterval", "1.5ba")]
    [InlineData("SaveInterval", "soon")]
    [InlineData("Device", "tpu")]
    public void RejectsInvalidTimesAndDevicesNamingOptionAndValue(string option, string value)
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var options = Valid(model, optimizer);
        options = option switch
        {
            "MaxDuration" => With(options, maxDuration: value),
            "EvalInterval" => With(options, evalInterval: value),
            "SaveInterval" => With(options, saveInterval: value),
            _ => With(options, device: value),
        };

        var e = Assert.ThrowsAny<ArgumentException>(() => new Trainer(options));
        Assert.Equal(option, e.ParamName);
        Assert.Contains(value, e.Message);
    }

    /// <summary>
    /// "cuda" and "cuda:N" (any case and padding, N at least 0) name a CUDA device, refused as unavailable on a
    /// machine without CUDA; a negative or malformed index is not a device name at all. Both errors name the option and value.
    /// </summary>
    [Theory]
    [InlineData("cuda", true)]
    [InlineData(" CUDA:0 ", true)]
    [InlineData("cuda:3", true)]
    [InlineData("cuda:-1", false)]
    [InlineData("cuda:", false)]
    [InlineData("cuda:x", false)]
    [InlineData("cuda0", false)]
    [InlineData("", false)]
    public void CudaDevicesAreRefusedAsUnavailableWithoutCudaAndMalformedOnesAsUnknown(string value, bool cudaName)
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        if (cudaName && cuda.is_available())
        {
            return; // the device exists here: nothing to refuse
        }

        var e = Assert.ThrowsAny<ArgumentException>(() => new Trainer(With(Valid(model, optimizer), device: value)));
        Assert.Equal("Device", e.ParamName);
        Assert.Contains($"'{value}'", e.Message);
        Assert.Equal(cudaName, e.Message.Contains("is not available", StringComparison.Ordinal));
        Assert.Equal(!cudaName, e.Message.Contains("is not one of", StringComparison.Ordinal));
    }

    /// <summary>An algorithm's random stream needs a name to draw numbers of its own.</summary>
    [Fact]
    public void BatchRandomRefusesAnEmptyStreamName()
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var trainer = new Trainer(Valid(model, optimizer));
        Assert.ThrowsAny<ArgumentException>(() => trainer.State.BatchRandom(""));
    }

    [Fact]
    public void RejectsMissingModelOptimizerOrLoader()
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var loader = TrainingFixtures.Batches(64, 32);

        var noModel = Assert.Throws<ArgumentNullException>(() => new Trainer(new() { Model = null!, Optimizer = optimizer, TrainLoader = loader }));
        Assert.Equal("Model", noModel.ParamName);
        var noOptimizer = Assert.Throws<ArgumentNullException>(() => new Trainer(new() { Model = model, Optimizer = null!, TrainLoader = loader }));
        Assert.Equal("Optimizer", noOptimizer.ParamName);
        var noLoader = Assert.Throws<ArgumentNullException>(() => new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = null! }));
        Assert.Equal("TrainLoader", noLoader.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void RejectsGradAccumStepsBelowOne(int steps)
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(64, 32),
            GradAccumSteps = steps,
        }));
        Assert.Equal("GradAccumSteps", e.ParamName);
        Assert.Contains(steps.ToString(), e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void RejectsNonPositiveClipGradNorm(double clip)
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(64, 32),
            ClipGradNorm = clip,
        }));
        Assert.Equal("ClipGradNorm", e.ParamName);
    }

    [Fact]
    public void RejectsMissingLoadPathNamingIt()
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        string missing = Path.Combine(TrainingFixtures.TempFolder(), "nowhere", "ep1-ba2.ckpt");
        var e = Assert.Throws<ArgumentException>(() => new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(64, 32),
            LoadPath = missing,
        }));
        Assert.Equal("LoadPath", e.ParamName);
        Assert.Contains(missing, e.Message);
    }

    [Fact]
    public void RejectsATorchSchedulerMixedWithTimeBasedOnes()
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var e = Assert.Throws<ArgumentException>(() => new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(64, 32),
            Schedulers = [optim.lr_scheduler.StepLR(optimizer, 10), new CosineAnnealingScheduler()],
        }));
        Assert.Equal("Schedulers", e.ParamName);
        Assert.StartsWith("Schedulers mixes a TorchSharp scheduler, which sets the learning rate itself, with others (TorchScheduler, CosineAnnealingScheduler); "
            + "use one TorchSharp scheduler or only time-based ones.", e.Message);
    }

    [Fact]
    public void RejectsANullSchedulerNamingItsIndex()
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var e = Assert.Throws<ArgumentException>(() => new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(64, 32),
            Schedulers = [new CosineAnnealingScheduler(), null!],
        }));
        Assert.Equal("Schedulers", e.ParamName);
        Assert.StartsWith("Schedulers must not contain null, but element 1 was null.", e.Message);
    }

    [Fact]
    public void RejectsAnEmptyTrainLoaderWhenFitting()
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = new List<Dictionary<string, Tensor>>(), Device = "cpu" });
        var e = Assert.Throws<InvalidOperationException>(trainer.Fit);
        Assert.Contains("no batches", e.Message);
    }

    /// <summary>
    /// A loader whose batches hold scalars only (single samples never collated, say) gives no sample count:
    /// training and evaluation refuse the batch naming its columns, before the model sees it.
    /// </summary>
    [Fact]
    public void RejectsABatchWithoutASampleDimensionNamingItsColumns()
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        List<Dictionary<string, Tensor>> scalars = [new() { ["data"] = tensor(0.5f), ["label"] = tensor(3L) }];
        using var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = scalars, EvalLoader = scalars, Device = "cpu" });
        const string message = "A batch has no tensor with a sample dimension (columns: data, label).";
        Assert.Equal(message, Assert.Throws<InvalidOperationException>(trainer.Fit).Message);
        Assert.Equal(0, trainer.State.Timestamp.Batch);
        Assert.Equal(message, Assert.Throws<InvalidOperationException>(() => trainer.Eval()).Message);
    }

    [Fact]
    public void ADisposedTrainerRefusesEveryEntryPointAndSaveCheckpointNamesAnEmptyPath()
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(32), batchSize: 32, disposeDataset: true);
        var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(64, 32), EvalLoader = eval, Device = "cpu" });
        Assert.Throws<ArgumentException>("path", () => trainer.SaveCheckpoint(""));
        Assert.Throws<ArgumentException>("path", () => trainer.SaveCheckpoint(" "));
        trainer.Dispose();
        string path = Path.Combine(TrainingFixtures.TempFolder(), "after.ckpt");
        Assert.Throws<ObjectDisposedException>(trainer.Fit);
        Assert.Throws<ObjectDisposedException>(() => trainer.Eval());
        Assert.Throws<ObjectDisposedException>(() => trainer.SaveCheckpoint(path));
        Assert.False(File.Exists(path));
        trainer.Dispose(); // twice is harmless
    }

    [Fact]
    public void AResumedRunKeepsTheRunNameItIsGivenAndOtherwiseTakesTheCheckpoints()
    {
        string folder = TrainingFixtures.TempFolder();
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        Trainer NewTrainer(string? runName, string? loadPath = null) =>
            new(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(64, 32), Device = "cpu", RunName = runName, LoadPath = loadPath });
        string path = Path.Combine(folder, "theirs.ckpt");
        using (var first = NewTrainer("theirs"))
        {
            first.SaveCheckpoint(path);
        }

        using (var named = NewTrainer("mine", path))
        {
            Assert.Equal("mine", named.State.RunName);
        }

        using (var unnamed = NewTrainer(null, path))
        {
            Assert.Equal("theirs", unnamed.State.RunName);
        }
    }

    private static TrainerOptions With(TrainerOptions o, string? maxDuration = null, string? evalInterval = null, string? saveInterval = null, string? device = null) => new()
    {
        Model = o.Model,
        Optimizer = o.Optimizer,
        TrainLoader = o.TrainLoader,
        MaxDuration = maxDuration ?? o.MaxDuration,
        EvalInterval = evalInterval ?? o.EvalInterval,
        SaveInterval = saveInterval ?? o.SaveInterval,
        Device = device ?? o.Device,
    };
}
