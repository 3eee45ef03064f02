using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

/// <summary>The trainer sets the epoch before every epoch, so it never trips the replay guard: not when evaluating, not when resuming.</summary>
[Collection(TrainingCollection.Name)]
public class ReplayGuardTrainerTests
{
    private const int Samples = 96; // 6 batches of 16 per epoch

    [Fact]
    public void FitAndEvalWithShufflingLoadersNeverReplay()
    {
        using var train = new EpochDataLoader(TrainingFixtures.Dataset(Samples), batchSize: 16, shuffle: true, seed: 1, disposeDataset: true);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(32), batchSize: 16, shuffle: true, seed: 2, disposeDataset: true);
        train.ReplayedEpochPolicy = ReplayedEpochPolicy.Throw;
        eval.ReplayedEpochPolicy = ReplayedEpochPolicy.Throw;
        using var error = new StandardError();
        using var model = TrainingFixtures.Mlp(0);
        using var optimizer = optim.SGD(model.parameters(), 0.01);
        using var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = train, EvalLoader = eval, EvalInterval = "2ba", MaxDuration = "3ep", Device = "cpu" });

        trainer.Fit();
        trainer.Eval();

        Assert.Equal(new Timestamp(3, 18, 0, 3 * Samples), trainer.State.Timestamp);
        Assert.Empty(error.Text);
        Assert.Throws<InvalidOperationException>(() => train.First()); // armed all along: its last epoch, read again with nothing set
    }

    [Fact]
    public void ResumingMidEpochOnTheSameLoaderNeverReplays()
    {
        string folder = TrainingFixtures.TempFolder();
        using var loader = new EpochDataLoader(TrainingFixtures.Dataset(Samples), batchSize: 16, shuffle: true, seed: 3, disposeDataset: true);
        loader.ReplayedEpochPolicy = ReplayedEpochPolicy.Throw;
        using var error = new StandardError();

        // Stopped at batch 8, the 3rd of epoch 1; a second trainer resumes there with the same loader, twice.
        Fit(loader, "8ba", saveFolder: folder, loadPath: null);
        string checkpoint = Path.Combine(folder, "guard-ep1-ba8.ckpt");
        Assert.Equal(new Timestamp(1, 8, 2, 8 * 16), Checkpoint.ReadTimestamp(checkpoint));
        var resumed = Fit(loader, "3ep", saveFolder: null, loadPath: checkpoint);
        Assert.Equal(Fit(loader, "3ep", saveFolder: null, loadPath: checkpoint), resumed);

        Assert.Equal(10, resumed.Count); // the 4 left of epoch 1 and the 6 of epoch 2
        Assert.Empty(error.Text);
    }

    private static List<string> Fit(EpochDataLoader loader, string maxDuration, string? saveFolder, string? loadPath)
    {
        var batches = new List<string>();
        using var model = TrainingFixtures.Mlp(5);
        using var optimizer = optim.SGD(model.parameters(), 0.01);
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = loader,
            MaxDuration = maxDuration,
            Device = "cpu",
            SaveFolder = saveFolder,
            SaveInterval = "8ba",
            LoadPath = loadPath,
            RunName = "guard",
            Callbacks = [RecordingCallback.BatchLabels(batches)],
        });
        trainer.Fit();
        return batches;
    }
}
