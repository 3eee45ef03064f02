using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class CheckpointTests
{
    [Fact]
    public void RoundTripsWeightsOptimizerStateTimestampAndRandomGenerator()
    {
        string path = Path.Combine(TrainingFixtures.TempFolder(), "a.ckpt");
        Dictionary<string, float[]> saved;
        Timestamp savedAt;
        float[] nextDraw;
        using (var model = TrainingFixtures.Mlp(1))
        using (var optimizer = optim.Adam(model.parameters(), 1e-3))
        using (var trainer = NewTrainer(model, optimizer, "3ba"))
        {
            trainer.Fit();
            trainer.SaveCheckpoint(path);
            using var draw = rand(8);
            nextDraw = draw.data<float>().ToArray();
            saved = TrainingFixtures.Weights(model);
            savedAt = trainer.State.Timestamp;
        }

        Assert.Equal(new Timestamp(0, 3, 3, 96), Checkpoint.ReadTimestamp(path));
        using var fresh = TrainingFixtures.Mlp(2);
        using var freshOptimizer = optim.Adam(fresh.parameters(), 1e-3);
        using var resumed = NewTrainer(fresh, freshOptimizer, "3ba", loadPath: path);
        Assert.Equal(savedAt, resumed.State.Timestamp);
        foreach (var (name, weights) in saved)
        {
            Assert.Equal(weights, TrainingFixtures.Weights(fresh)[name]);
        }

        using var resumedDraw = rand(8); // the generator goes on from where the checkpoint left it, not from the trainer's seed
        Assert.Equal(nextDraw, resumedDraw.data<float>().ToArray());
    }

    [Fact]
    public void AFolderResolvesToItsLatestCheckpoint()
    {
        string folder = TrainingFixtures.TempFolder();
        using var model = TrainingFixtures.Mlp(1);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var trainer = NewTrainer(model, optimizer, "2ep", saveFolder: folder, saveInterval: "3ba", runName: "mlp");
        trainer.Fit();
        // 4 batches per epoch: saved every 3 batches and at the end of training.
        var names = Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(new[] { "mlp-ep0-ba3.ckpt", "mlp-ep1-ba6.ckpt", "mlp-ep2-ba8.ckpt" }, names);
        Assert.Equal(Path.Combine(folder, "mlp-ep2-ba8.ckpt"), Checkpoint.Resolve(folder));
        Assert.Equal(Path.Combine(folder, "mlp-ep2-ba8.ckpt"), Checkpoint.Resolve(folder, "mlp"));
        var info = Checkpoint.ReadInfo(Path.Combine(folder, "mlp-ep1-ba6.ckpt"));
        Assert.Equal(("mlp", 3, new Timestamp(1, 6, 2, 6 * 32)), (info.RunName, info.FormatVersion, info.Timestamp));
    }

    [Fact]
    public void ARunWithoutANameGetsOneAndAResumeKeepsIt()
    {
        string folder = TrainingFixtures.TempFolder();
        string runName;
        using (var model = TrainingFixtures.Mlp(1))
        using (var optimizer = optim.SGD(model.parameters(), 0.1))
        using (var trainer = NewTrainer(model, optimizer, "1ep", saveFolder: folder))
        {
            runName = trainer.State.RunName;
            Assert.Matches("^[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$", runName);
            trainer.Fit();
        }

        using var resumedModel = TrainingFixtures.Mlp(2);
        using var resumedOptimizer = optim.SGD(resumedModel.parameters(), 0.1);
        using var resumed = NewTrainer(resumedModel, resumedOptimizer, "2ep", loadPath: folder, saveFolder: folder);
        Assert.Equal(runName, resumed.State.RunName);
        resumed.Fit();
        Assert.Equal(new[] { $"{runName}-ep1-ba4.ckpt", $"{runName}-ep2-ba8.ckpt" }, Directory.GetFiles(folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void ADamagedFileIsReportedNotLoaded()
    {
        string path = SaveOne();
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        var e = LoadInto(path, TrainingFixtures.Mlp(5));
        Assert.Contains("checksum", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void ATruncatedFileIsReported()
    {
        string path = SaveOne();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);
        Assert.Contains("truncated", LoadInto(path, TrainingFixtures.Mlp(5)).Message);
    }

    [Fact]
    public void ThePublicReadersRefuseAMissingPathOrAFolderWithoutCheckpointsNamingIt()
    {
        string folder = TrainingFixtures.TempFolder();
        string missing = Path.Combine(folder, "nothing.ckpt");
        Assert.Contains($"'{missing}' does not exist", Assert.Throws<ArgumentException>("path", () => Checkpoint.ReadInfo(missing)).Message);
        Assert.Contains($"'{missing}' does not exist", Assert.Throws<ArgumentException>("path", () => Checkpoint.ReadTimestamp(missing)).Message);
        Assert.Throws<ArgumentException>("path", () => Checkpoint.ReadInfo(" "));
        Assert.Contains($"No checkpoint file or folder at '{missing}'", Assert.Throws<ArgumentException>("path", () => Checkpoint.Resolve(missing)).Message);
        Assert.Throws<ArgumentException>("path", () => Checkpoint.Resolve("  "));

        // A folder of nothing, then of a file that only has the extension: neither holds a checkpoint to resume from.
        Assert.Contains($"The folder '{folder}' holds no valid checkpoint (*.ckpt)", Assert.Throws<ArgumentException>("path", () => Checkpoint.Resolve(folder)).Message);
        File.WriteAllText(Path.Combine(folder, "notes.ckpt"), "not a checkpoint at all");
        Assert.Contains("holds no valid checkpoint", Assert.Throws<ArgumentException>("path", () => Checkpoint.Resolve(folder, "any")).Message);
    }

    [Fact]
    public void AStatefulLoggerDestinationRoundTrips()
    {
        string path = Path.Combine(TrainingFixtures.TempFolder(), "a.ckpt");
        using var model = TrainingFixtures.Mlp(1);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        Trainer NewTrainer(CountingDestination destination, string? loadPath = null) => new(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(96, 32),
            Device = "cpu",
            Loggers = [destination],
            LoadPath = loadPath,
        });

        var first = new CountingDestination();
        using (var trainer = NewTrainer(first))
        {
            trainer.Fit();
            trainer.SaveCheckpoint(path);
        }

        Assert.True(first.Count > 0);
        var resumed = new CountingDestination();
        using (NewTrainer(resumed, path))
        {
            Assert.Equal(first.Count, resumed.Count);
        }
    }

    /// <summary>Counts the metric lines it was sent, and keeps the count in checkpoints.</summary>
    private sealed class CountingDestination : LoggerDestination, IStateful
    {
        public long Count { get; private set; }

        public override void LogMetrics(IReadOnlyDictionary<string, double> metrics, State state) => Count++;

        public Dictionary<string, Tensor> StateDict() => new() { ["count"] = tensor(Count) };

        public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state) => Count = state["count"].item<long>();
    }

    [Fact]
    public void BytesAfterTheLastPartAreReportedEvenUnderAMatchingChecksum()
    {
        string path = Path.Combine(TrainingFixtures.TempFolder(), "a.ckpt");
        using (var model = TrainingFixtures.Mlp(1))
        using (var optimizer = optim.SGD(model.parameters(), 0.1))
        using (var trainer = NewTrainer(model, optimizer, "1ba"))
        {
            trainer.Fit();
            trainer.SaveCheckpoint(path);
        }

        // One zero byte before the trailer, and the trailer's SHA-256 made again over the new body: only the reader's
        // own check of what follows the last part can tell.
        byte[] file = File.ReadAllBytes(path);
        File.WriteAllBytes(path, TrainingFixtures.Sealed([.. file[..^Checkpoint.TrailerLength], 0]));
        var e = LoadInto(path, TrainingFixtures.Mlp(5));
        Assert.Contains("malformed, though its checksum matches: bytes follow its last part", e.Message);
    }

    /// <summary>
    /// Only TorchSharp's reader understands the optimizer's state, and it reads into the live optimizer: bytes it cannot
    /// read under a matching checksum are refused like any other, and the optimizer gets its own state back.
    /// </summary>
    [Fact]
    public void AnOptimizerStateItsReaderCannotFinishIsRefusedAndChangesNothing()
    {
        string path = Path.Combine(TrainingFixtures.TempFolder(), "a.ckpt");
        byte[] state;
        using (var model = TrainingFixtures.Mlp(1))
        using (var optimizer = optim.Adam(model.parameters(), 1e-3))
        using (var trainer = NewTrainer(model, optimizer, "2ba"))
        {
            trainer.Fit();
            trainer.SaveCheckpoint(path);
            state = TrainingFixtures.OptimizerState(optimizer);
        }

        // The state's last 4 bytes cut off and its length made 4 shorter, sealed again: every part of the format is
        // whole, and TorchSharp's reader runs out in the last parameter's state, after loading the others'.
        byte[] file = File.ReadAllBytes(path);
        int at = file.AsSpan().IndexOf(state);
        Assert.Equal(state.Length, BitConverter.ToInt64(file, at - 8));
        File.WriteAllBytes(path, TrainingFixtures.Sealed([.. file[..(at - 8)], .. BitConverter.GetBytes(state.Length - 4L), .. state[..^4], .. file[(at + state.Length)..^Checkpoint.TrailerLength]]));

        using var target = TrainingFixtures.Mlp(5);
        using var targetOptimizer = optim.Adam(target.parameters(), 1e-3);
        using (var warmUp = NewTrainer(target, targetOptimizer, "1ba"))
        {
            warmUp.Fit(); // a state of its own, unlike the file's
        }

        var weights = TrainingFixtures.Weights(target);
        var optimizerState = TrainingFixtures.OptimizerState(targetOptimizer);
        var e = Assert.Throws<ArgumentException>(() => NewTrainer(target, targetOptimizer, "2ba", loadPath: path));
        Assert.Equal("LoadPath", e.ParamName);
        Assert.Contains("malformed, though its checksum matches: its optimizer state cannot be read", e.Message);
        Assert.Equal(weights, TrainingFixtures.Weights(target));
        Assert.Equal(optimizerState, TrainingFixtures.OptimizerState(targetOptimizer));
    }

    [Fact]
    public void AFileThatIsNotACheckpointIsReported()
    {
        string path = Path.Combine(TrainingFixtures.TempFolder(), "notes.ckpt");
        File.WriteAllText(path, "not a checkpoint at all");
        Assert.Contains("not a checkpoint", LoadInto(path, TrainingFixtures.Mlp(5)).Message);
    }

    [Fact]
    public void AnotherModelsCheckpointIsReportedByTensorNameAndShape()
    {
        string path = SaveOne();
        Reproducibility.SeedAll(0);
        var wider = new ComposerClassifier(nn.Sequential(
            ("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 80)), ("relu", nn.ReLU()), ("dropout", nn.Dropout(0.2)), ("fc2", nn.Linear(80, 10))));
        var e = LoadInto(path, wider);
        Assert.Contains("module.fc1.weight", e.Message);
        Assert.Contains("[64, 784]", e.Message);
        Assert.Contains("[80, 784]", e.Message);
    }

    [Fact]
    public void AnotherOptimizersStateIsReported()
    {
        string path = SaveOne();
        using var model = TrainingFixtures.Mlp(5);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var e = Assert.Throws<ArgumentException>(() => NewTrainer(model, optimizer, "1ep", loadPath: path));
        Assert.Equal("LoadPath", e.ParamName);
        Assert.Contains("Adam", e.Message);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(2, true)] // format 2 also holds the steps of PyTorch schedulers: a chained one (each step multiplies the rate) must not replay them twice
    public void CheckpointsOfFormats1And2StillLoad(int version, bool torchScheduler)
    {
        ComposerScheduler Schedule(optim.Optimizer optimizer) =>
            torchScheduler ? optim.lr_scheduler.MultiplicativeLR(optimizer, _ => 0.5) : new CosineAnnealingScheduler("4ba");

        // Saved by the format of the time at batch 2 of 4, then trained on: the same weights as training on without a break.
        string path = Path.Combine(TrainingFixtures.TempFolder(), "old.ckpt");
        Dictionary<string, float[]> uninterrupted;
        using (var model = TrainingFixtures.Mlp(1))
        using (var optimizer = optim.Adam(model.parameters(), 1e-3))
        using (var trainer = NewTrainer(model, optimizer, "4ba", scheduler: Schedule(optimizer)))
        {
            trainer.Fit();
            uninterrupted = TrainingFixtures.Weights(model);
        }

        using (var model = TrainingFixtures.Mlp(1))
        using (var optimizer = optim.Adam(model.parameters(), 1e-3))
        using (var trainer = NewTrainer(model, optimizer, "2ba", scheduler: Schedule(optimizer)))
        {
            trainer.Fit();
            LegacyCheckpointFile.Write(path, version, trainer.State);
        }

        var info = Checkpoint.ReadInfo(path);
        Assert.Equal((version, "", new Timestamp(0, 2, 2, 64)), (info.FormatVersion, info.RunName, info.Timestamp));
        using var fresh = TrainingFixtures.Mlp(2);
        using var freshOptimizer = optim.Adam(fresh.parameters(), 1e-3);
        using var resumed = NewTrainer(fresh, freshOptimizer, "4ba", scheduler: Schedule(freshOptimizer), loadPath: path);
        Assert.Equal(new Timestamp(0, 2, 2, 64), resumed.State.Timestamp);
        resumed.Fit();
        Assert.Equal(uninterrupted, TrainingFixtures.Weights(fresh));
    }

    [Theory]
    [InlineData(1, "damaged", "its checksum does not match (the file is damaged)")]
    [InlineData(2, "truncated", "it is truncated or padded")]
    [InlineData(1, "stateful", "format 1 holds no state for [callbacks/0/TallyCallback]")]
    [InlineData(2, "stateful", "format 2 holds no state for [callbacks/0/TallyCallback]")]
    [InlineData(2, "optimizer", "it holds the state of a TorchSharp.Modules.Adam, but the trainer's optimizer is a TorchSharp.Modules.SGD")]
    [InlineData(1, "groups", "its optimizer has 1 parameter groups, the trainer's 2")]
    public void AFormat1Or2CheckpointThatDoesNotFitIsRefusedAndChangesNothing(int version, string change, string reported)
    {
        string path = Path.Combine(TrainingFixtures.TempFolder(), "old.ckpt");
        using (var model = TrainingFixtures.Mlp(1))
        using (var optimizer = optim.Adam(model.parameters(), 1e-3))
        using (var trainer = NewTrainer(model, optimizer, "2ba"))
        {
            trainer.Fit();
            LegacyCheckpointFile.Write(path, version, trainer.State);
        }

        byte[] file = File.ReadAllBytes(path);
        if (change == "damaged") file[file.Length / 2] ^= 0x01;
        if (change == "truncated") file = file[..^10];
        File.WriteAllBytes(path, file);

        using var fresh = TrainingFixtures.Mlp(2);
        var parameters = fresh.parameters().ToList();
        using optim.Optimizer freshOptimizer = change switch
        {
            "optimizer" => optim.SGD(parameters, 0.1),
            "groups" => optim.Adam([new TorchSharp.Modules.Adam.ParamGroup(parameters.Take(2)), new TorchSharp.Modules.Adam.ParamGroup(parameters.Skip(2))], 1e-3),
            _ => optim.Adam(parameters, 1e-3),
        };
        var before = TrainingFixtures.Weights(fresh);
        var e = Assert.Throws<ArgumentException>(() => new Trainer(new()
        {
            Model = fresh,
            Optimizer = freshOptimizer,
            TrainLoader = TrainingFixtures.Batches(128, 32),
            Device = "cpu",
            Callbacks = change == "stateful" ? [new TallyCallback()] : [],
            LoadPath = path,
        }));
        Assert.Equal("LoadPath", e.ParamName);
        Assert.Contains(reported, e.Message);
        Assert.Equal(before, TrainingFixtures.Weights(fresh));
    }

    [Fact]
    public void AFormat2CheckpointOfOtherSchedulersIsRefused()
    {
        string path = Path.Combine(TrainingFixtures.TempFolder(), "old.ckpt");
        using (var model = TrainingFixtures.Mlp(1))
        using (var optimizer = optim.Adam(model.parameters(), 1e-3))
        using (var trainer = NewTrainer(model, optimizer, "2ba", scheduler: new CosineAnnealingScheduler()))
        {
            trainer.Fit();
            LegacyCheckpointFile.Write(path, 2, trainer.State);
        }

        using var fresh = TrainingFixtures.Mlp(2);
        using var freshOptimizer = optim.Adam(fresh.parameters(), 1e-3);
        var before = TrainingFixtures.Weights(fresh);
        var e = Assert.Throws<ArgumentException>(() => NewTrainer(fresh, freshOptimizer, "4ba", scheduler: new StepScheduler("1ba"), loadPath: path));
        Assert.Contains("CosineAnnealingScheduler", e.Message);
        Assert.Contains("StepScheduler", e.Message);
        Assert.Equal(before, TrainingFixtures.Weights(fresh));
    }

    [Fact]
    public void AFileOfAnotherFormatVersionIsRefusedByNumber()
    {
        string path = SaveOne();
        byte[] file = File.ReadAllBytes(path);
        BitConverter.GetBytes(4).CopyTo(file, 8);
        File.WriteAllBytes(path, file);
        var e = LoadInto(path, TrainingFixtures.Mlp(5));
        Assert.Contains("format version is 4", e.Message);
        Assert.Contains("1 to 3", e.Message);
    }

    private static string SaveOne()
    {
        string path = Path.Combine(TrainingFixtures.TempFolder(), "one.ckpt");
        using var model = TrainingFixtures.Mlp(1);
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        using var trainer = NewTrainer(model, optimizer, "2ba");
        trainer.Fit();
        trainer.SaveCheckpoint(path);
        return path;
    }

    private static ArgumentException LoadInto(string path, ComposerModel model)
    {
        using (model)
        using (var optimizer = optim.Adam(model.parameters(), 1e-3))
        {
            var e = Assert.Throws<ArgumentException>(() => NewTrainer(model, optimizer, "1ep", loadPath: path));
            Assert.Equal("LoadPath", e.ParamName);
            return e;
        }
    }

    private static Trainer NewTrainer(ComposerModel model, optim.Optimizer optimizer, string maxDuration,
        string? loadPath = null, string? saveFolder = null, string saveInterval = "1ep", string? runName = null, ComposerScheduler? scheduler = null) => new(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(128, 32),
            MaxDuration = maxDuration,
            Device = "cpu",
            LoadPath = loadPath,
            SaveFolder = saveFolder,
            SaveInterval = saveInterval,
            RunName = runName,
            Schedulers = scheduler is null ? [] : [scheduler],
        });
}
