using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class CheckpointSaverTests
{
    [Fact]
    public void BadArgumentsAreRefusedNamingTheParameterAndValue()
    {
        Assert.Throws<ArgumentException>("folder", () => new CheckpointSaver(""));
        Assert.Throws<ArgumentException>("folder", () => new CheckpointSaver("  "));
        foreach (int keep in new[] { 0, -2 })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>("numCheckpointsToKeep", () => new CheckpointSaver("checkpoints", numCheckpointsToKeep: keep));
            Assert.Contains($"not {keep}", e.Message);
        }
        Assert.EndsWith("checkpoints", new CheckpointSaver("checkpoints", numCheckpointsToKeep: 1).Folder);
    }

    [Theory]
    [InlineData("1ep", -1, 2)] // every epoch's end, the last one also the fit's end: written once
    [InlineData("1ba", -1, 8)] // every batch's end (ep0-ba1 … ep1-ba7), then the fit's end (ep2-ba8) in place of ep1-ba8
    [InlineData("1ba", 1, 1)]
    [InlineData("0.5dur", -1, 2)] // half-way (ep0-ba4), and the end once (ep2-ba8), though the last batch also reaches 1dur
    public void WritesAtEveryIntervalAndKeepsTheLatest(string interval, int keep, int files)
    {
        var folder = Directory.CreateTempSubdirectory("composer-saver-");
        try
        {
            var saver = new CheckpointSaver(folder.FullName, interval, keep);
            Fit(saver, "2ep");

            var written = folder.GetFiles("*.ckpt");
            Assert.Equal(files, written.Length);
            Assert.Contains(saver.LastPath, written.Select(f => f.FullName));
            Assert.Contains("-ep2-ba8", saver.LastPath);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void ALastBatchSavedTwiceDoesNotPushOutAnOlderCheckpoint()
    {
        var folder = Directory.CreateTempSubdirectory("composer-saver-");
        try
        {
            var saver = new CheckpointSaver(folder.FullName, "4ba", numCheckpointsToKeep: 2);
            Fit(saver, "2ep");

            // ep1-ba8 (the last batch's end) is replaced by ep2-ba8 (the fit's end), so ep0-ba4 is still one of the two kept.
            Assert.Equal(["saver-ep0-ba4.ckpt", "saver-ep2-ba8.ckpt"], folder.GetFiles("*.ckpt").Select(f => f.Name).Order());
            Assert.EndsWith("saver-ep2-ba8.ckpt", saver.LastPath);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void AFitEndOnAnEpochEndAlreadySavedWritesNothingMore()
    {
        var folder = Directory.CreateTempSubdirectory("composer-saver-");
        try
        {
            var saver = new CheckpointSaver(folder.FullName, "1ep");
            // Runs after the saver: takes away what the epoch's end wrote, so a second write at the fit's end would show.
            Fit(saver, "1ep", new RecordingCallback((e, _) => { if (e == Event.EpochEnd) File.Delete(saver.LastPath!); }));

            Assert.Contains("-ep1-ba4", saver.LastPath);
            Assert.Empty(folder.GetFiles("*.ckpt"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Trains an MLP for <paramref name="maxDuration"/>, 4 batches an epoch, with the saver and then <paramref name="others"/>.</summary>
    private static void Fit(CheckpointSaver saver, string maxDuration, params Callback[] others)
    {
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(16, 4),
            MaxDuration = maxDuration,
            Device = "cpu",
            RunName = "saver",
            Callbacks = [saver, .. others],
        });
        trainer.Fit();
    }
}
