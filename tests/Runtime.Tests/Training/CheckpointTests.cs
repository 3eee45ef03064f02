using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class CheckpointTests
{
    [Fact]
    public void RoundTripsWeightsOptimizerStateAndTimestamp()
    {
        string path = Path.Combine(TrainingFixtures.TempFolder(), "a.ckpt");
        Dictionary<string, float[]> saved;
        Timestamp savedAt;
        using (var model = TrainingFixtures.Mlp(1))
        using (var optimizer = optim.Adam(model.parameters(), 1e-3))
        using (var trainer = NewTrainer(model, optimizer, "3ba"))
        {
            trainer.Fit();
            trainer.SaveCheckpoint(path);
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
    }

    [Fact]
    public void AFolderResolvesToItsLatestCheckpoint()
    {
        string folder = TrainingFixtures.TempFolder();
        using var model = TrainingFixtures.Mlp(1);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var trainer = NewTrainer(model, optimizer, "2ep", saveFolder: folder, saveInterval: "3ba");
        trainer.Fit();
        // 4 batches per epoch: saved every 3 batches and at the end of training.
        var names = Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(new[] { "ep0-ba3.ckpt", "ep1-ba6.ckpt", "ep2-ba8.ckpt" }, names);
        Assert.Equal(Path.Combine(folder, "ep2-ba8.ckpt"), Checkpoint.Resolve(folder));
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

    [Fact]
    public void AVersion1CheckpointStillLoads()
    {
        // Version 1 is version 2 without the trailing world size and resume state (4 + 1 bytes for a loader without an elastic sampler).
        string path = SaveOne();
        byte[] file = File.ReadAllBytes(path);
        const int header = 8 + 4 + 8;
        Assert.Equal(2, BitConverter.ToInt32(file, 8));
        byte[] payload = file.AsSpan(header, (int)BitConverter.ToInt64(file, 12) - 5).ToArray();
        using (var stream = File.Create(path))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(file.AsSpan(0, 8));
            writer.Write(1);
            writer.Write((long)payload.Length);
            writer.Write(payload);
            writer.Write(System.Security.Cryptography.SHA256.HashData(payload));
        }

        using var model = TrainingFixtures.Mlp(2);
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        using var trainer = NewTrainer(model, optimizer, "3ba", loadPath: path);
        Assert.Equal(new Timestamp(0, 2, 2, 64), trainer.State.Timestamp);
        trainer.Fit();
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
        string? loadPath = null, string? saveFolder = null, string saveInterval = "1ep") => new(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(128, 32),
            MaxDuration = maxDuration,
            Device = "cpu",
            LoadPath = loadPath,
            SaveFolder = saveFolder,
            SaveInterval = saveInterval,
        });
}
