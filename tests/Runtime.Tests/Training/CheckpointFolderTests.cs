using System.Diagnostics;
using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

/// <summary>A folder that several runs save into: each resumes its own, old checkpoints go, abandoned temporaries go.</summary>
[Collection(TrainingCollection.Name)]
public class CheckpointFolderTests
{
    [Fact]
    public void AFolderOfSeveralRunsResumesTheNamedOneAndRefusesToGuess()
    {
        string folder = TrainingFixtures.TempFolder();
        Train(folder, "alpha", "2ba");
        Train(folder, "beta", "3ba");

        Assert.Equal(Path.Combine(folder, "alpha-ep0-ba2.ckpt"), Checkpoint.Resolve(folder, "alpha"));
        Assert.Equal(Path.Combine(folder, "beta-ep0-ba3.ckpt"), Checkpoint.Resolve(folder, "beta"));
        using var model = TrainingFixtures.Mlp(3);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using (var resumed = NewTrainer(model, optimizer, "4ba", runName: "alpha", loadPath: folder))
        {
            Assert.Equal(new Timestamp(0, 2, 2, 64), resumed.State.Timestamp);
        }

        var guess = Assert.Throws<ArgumentException>(() => NewTrainer(model, optimizer, "4ba", loadPath: folder).Dispose());
        Assert.Equal("LoadPath", guess.ParamName);
        Assert.Contains("2 runs, 'alpha' (1 checkpoints, the latest alpha-ep0-ba2.ckpt), 'beta' (1 checkpoints, the latest beta-ep0-ba3.ckpt)", guess.Message);
        Assert.Contains("set RunName", guess.Message);
        var unknown = Assert.Throws<ArgumentException>(() => NewTrainer(model, optimizer, "4ba", runName: "gamma", loadPath: folder).Dispose());
        Assert.Contains("no checkpoint of run 'gamma'", unknown.Message);
    }

    [Fact]
    public async Task TwoTrainersSavingIntoOneFolderAtOnceEachResumeTheirOwnRun()
    {
        string folder = TrainingFixtures.TempFolder();
        // Saving after every batch, at the same time, into one folder: the temporaries of one process must not collide.
        var runs = Enumerable.Range(0, 2).Select(i => Task.Run(() =>
        {
            using var model = TrainingFixtures.Mlp(10 + i);
            using var optimizer = optim.Adam(model.parameters(), 1e-3);
            using var trainer = NewTrainer(model, optimizer, "2ep", saveFolder: folder, saveInterval: "1ba");
            trainer.Fit();
            return (trainer.State.RunName, Weights: TrainingFixtures.Weights(model));
        }));
        var finished = await Task.WhenAll(runs);

        Assert.NotEqual(finished[0].RunName, finished[1].RunName);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        foreach (var (runName, weights) in finished)
        {
            using var model = TrainingFixtures.Mlp(99);
            using var optimizer = optim.Adam(model.parameters(), 1e-3);
            using var resumed = NewTrainer(model, optimizer, "2ep", runName: runName, loadPath: folder);
            Assert.Equal(weights, TrainingFixtures.Weights(model));
        }
    }

    [Fact]
    public void KeepsTheLastCheckpointsOfItsOwnRun()
    {
        string all = TrainingFixtures.TempFolder(), kept = TrainingFixtures.TempFolder();
        Train(all, "mine", "2ep", saveInterval: "1ba");
        var newestFirst = Directory.GetFiles(all).Select(Checkpoint.ReadInfo).OrderByDescending(c => c.SavedAt).Select(c => Path.GetFileName(c.Path)).ToList();
        Assert.Equal(8, newestFirst.Count); // after each of the first 7 batches, and at the end (ep2-ba8, in place of ep1-ba8)

        Train(kept, "other", "3ba", saveInterval: "1ba");
        Train(kept, "mine", "2ep", saveInterval: "1ba", keep: 2);

        var names = Directory.GetFiles(kept).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(newestFirst.Take(2).Concat(["other-ep0-ba1.ckpt", "other-ep0-ba2.ckpt", "other-ep0-ba3.ckpt"]).Order(), names);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void RefusesToKeepNoCheckpoint(int keep)
    {
        using var model = TrainingFixtures.Mlp(1);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NewTrainer(model, optimizer, "1ba", saveFolder: TrainingFixtures.TempFolder(), keep: keep).Dispose());
        Assert.Equal("SaveNumCheckpointsToKeep", e.ParamName);
        Assert.Contains($"not {keep}", e.Message);
    }

    [Fact]
    public void ARunNameOfAHundredCharactersIsTheLongestAccepted()
    {
        using var model = TrainingFixtures.Mlp(1);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        string longest = new('r', 100);
        using (var trainer = NewTrainer(model, optimizer, "1ba", runName: longest))
        {
            Assert.Equal(longest, trainer.State.RunName);
        }

        var e = Assert.Throws<ArgumentException>(() => NewTrainer(model, optimizer, "1ba", runName: longest + "r").Dispose());
        Assert.Equal("RunName", e.ParamName);
        Assert.Contains("1 to 100", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    [InlineData("run name")]
    public void RefusesARunNameThatCannotBeAFileName(string runName)
    {
        using var model = TrainingFixtures.Mlp(1);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var e = Assert.Throws<ArgumentException>(() => NewTrainer(model, optimizer, "1ba", runName: runName).Dispose());
        Assert.Equal("RunName", e.ParamName);
        Assert.Contains($"'{runName}'", e.Message);
    }

    [Fact]
    public void TheLatestCheckpointIsFoundFromHeadersWithoutReadingTheRest()
    {
        string folder = TrainingFixtures.TempFolder();
        using var model = TrainingFixtures.Mlp(1);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var trainer = NewTrainer(model, optimizer, "3ba", runName: "r");
        foreach (string name in new[] { "first", "second", "third" })
        {
            trainer.SaveCheckpoint(Path.Combine(folder, name + Checkpoint.Extension));
        }

        File.WriteAllText(Path.Combine(folder, "notes" + Checkpoint.Extension), "not a checkpoint");
        string third = Path.Combine(folder, "third" + Checkpoint.Extension);
        byte[] bytes = File.ReadAllBytes(third);
        bytes[bytes.Length / 2] ^= 1; // damaged after its header: picking it needs no checksum, loading it fails
        File.WriteAllBytes(third, bytes);

        Assert.Equal(third, Checkpoint.Resolve(folder, "r"));
        var e = Assert.Throws<ArgumentException>(() => NewTrainer(model, optimizer, "3ba", runName: "r", loadPath: folder).Dispose());
        Assert.Contains("checksum", e.Message);
    }

    [Fact]
    public void TheNextSaveRemovesTemporariesNoLiveWriterWillFinish()
    {
        string folder = TrainingFixtures.TempFolder();
        string target = Path.Combine(folder, "x.ckpt");
        using var alive = Process.Start(new ProcessStartInfo("sleep", "60"))!;
        int dead;
        using (var ended = Process.Start(new ProcessStartInfo("true"))!)
        {
            ended.WaitForExit();
            dead = ended.Id;
        }

        try
        {
            string Temporary(int pid, bool old = false, string? host = null)
            {
                string path = AtomicFile.TemporaryPath(target, pid);
                path = host is null ? path : path[..(path.Length - 12)] + host + ".tmp";
                File.WriteAllText(path, "partial");
                if (old)
                {
                    File.SetLastWriteTimeUtc(path, DateTime.UtcNow - TimeSpan.FromHours(2));
                }

                return path;
            }

            string deadWriters = Temporary(dead);
            string oldFormat = target + $".{dead}.tmp";
            File.WriteAllText(oldFormat, "partial");
            string ours = Temporary(Environment.ProcessId); // this process is not writing it
            string liveWriters = Temporary(alive.Id);
            string stuck = Temporary(alive.Id, old: true);
            string otherHost = Temporary(dead, host: "00000000");
            string otherHostOld = Temporary(dead, old: true, host: "00000000");
            string unrelated = Path.Combine(folder, "notes.tmp");
            File.WriteAllText(unrelated, "mine");

            using var model = TrainingFixtures.Mlp(1);
            using var optimizer = optim.SGD(model.parameters(), 0.1);
            using var trainer = NewTrainer(model, optimizer, "1ba");
            trainer.SaveCheckpoint(target);

            Assert.Equal(new[] { liveWriters, otherHost, unrelated }.Order(), Directory.GetFiles(folder, "*.tmp").Order());
            Assert.All(new[] { deadWriters, oldFormat, ours, stuck, otherHostOld }, path => Assert.False(File.Exists(path)));
        }
        finally
        {
            alive.Kill();
            alive.WaitForExit();
        }
    }

    private static void Train(string folder, string runName, string maxDuration, string saveInterval = "1ep", int keep = -1)
    {
        using var model = TrainingFixtures.Mlp(1);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var trainer = NewTrainer(model, optimizer, maxDuration, runName: runName, saveFolder: folder, saveInterval: saveInterval, keep: keep);
        trainer.Fit();
    }

    private static Trainer NewTrainer(ComposerModel model, optim.Optimizer optimizer, string maxDuration, string? runName = null,
        string? loadPath = null, string? saveFolder = null, string saveInterval = "1ep", int keep = -1) => new(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = TrainingFixtures.Batches(128, 32),
            MaxDuration = maxDuration,
            Device = "cpu",
            RunName = runName,
            LoadPath = loadPath,
            SaveFolder = saveFolder,
            SaveInterval = saveInterval,
            SaveNumCheckpointsToKeep = keep,
        });
}
