using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class ResumeTests
{
    private const int Samples = 320; // 10 batches of 32 per epoch

    [Theory]
    [InlineData("cosine")]
    [InlineData("torch-step")]
    public void ResumingFromAMidEpochCheckpointEqualsTheUninterruptedRunBitForBit(string schedule)
    {
        string folder = TrainingFixtures.TempFolder();
        var (uninterrupted, uninterruptedBatches) = Train(schedule, saveFolder: folder, loadPath: null);

        // Batch 17 is the 7th batch of epoch 1: a mid-epoch checkpoint with a reshuffled order.
        string checkpoint = Path.Combine(folder, "resume-ep1-ba17.ckpt");
        Assert.Equal(new Timestamp(1, 17, 7, 17 * 32), Checkpoint.ReadTimestamp(checkpoint));
        var (resumed, resumedBatches) = Train(schedule, saveFolder: null, loadPath: checkpoint);

        Assert.Equal(uninterruptedBatches.Skip(17), resumedBatches); // exactly the remaining batches, in order
        foreach (var (name, weights) in uninterrupted)
        {
            Assert.Equal(weights, resumed[name]); // bit for bit
        }
    }

    [Fact]
    public void ResumingMidEpochWithStatefulCallbacksEqualsTheUninterruptedRunBitForBit()
    {
        // EMA, MixUp-like mixing from its own generator and early stopping: each keeps state that the checkpoint must carry.
        string folder = TrainingFixtures.TempFolder();
        var uninterrupted = TrainWithCallbacks(saveFolder: folder, loadPath: null);
        // Batch 22, the 2nd of epoch 2: the stopper has seen its best loss (batch 19) and counts batches since.
        var resumed = TrainWithCallbacks(saveFolder: null, loadPath: Path.Combine(folder, "callbacks-ep2-ba22.ckpt"));

        Assert.Equal(new Timestamp(2, 24, 4, 24 * 32), uninterrupted.StoppedAt); // on the counts the checkpoint carried
        Assert.Equal(uninterrupted.StoppedAt, resumed.StoppedAt);
        Assert.Equal(uninterrupted.Batches.Skip(22), resumed.Batches);
        foreach (var (name, weights) in uninterrupted.Weights)
        {
            Assert.Equal(weights, resumed.Weights[name]);
            Assert.Equal(uninterrupted.Ema[name], resumed.Ema[name]);
        }

        Assert.Equal(uninterrupted.Generator, resumed.Generator);
        Assert.Equal(uninterrupted.Stopper, resumed.Stopper);
    }

    private static (Dictionary<string, float[]> Weights, Dictionary<string, float[]> Ema, byte[] Generator, (double, long) Stopper, Timestamp? StoppedAt, List<string> Batches)
        TrainWithCallbacks(string? saveFolder, string? loadPath)
    {
        using var model = TrainingFixtures.Mlp(loadPath is null ? 11 : 99, dropout: 0.25);
        using var optimizer = optim.Adam(model.parameters(), 2e-3);
        using var loader = new EpochDataLoader(TrainingFixtures.Dataset(Samples), batchSize: 32, shuffle: true, seed: 4, disposeDataset: true);
        var ema = new EmaCallback(model);
        var mix = new MixCallback(seed: loadPath is null ? 1 : 2);
        var stopper = new StopWhenStuckCallback(patience: 5);
        var batches = new List<string>();
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = loader,
            MaxDuration = "3ep",
            Schedulers = [new CosineAnnealingWithWarmupScheduler("5ba")],
            Device = "cpu",
            Seed = 5,
            RunName = "callbacks",
            SaveFolder = saveFolder,
            SaveInterval = "22ba",
            LoadPath = loadPath,
            Callbacks = [mix, ema, stopper, RecordingCallback.BatchLabels(batches)],
        });
        trainer.Fit();
        var shadow = ema.Shadow.ToDictionary(p => p.Key, p => p.Value.data<float>().ToArray());
        return (TrainingFixtures.Weights(model), shadow, mix.GeneratorState().data<byte>().ToArray(), (stopper.Best, stopper.Bad), stopper.StoppedAt, batches);
    }

    private static (Dictionary<string, float[]> Weights, List<string> Batches) Train(string schedule, string? saveFolder, string? loadPath)
    {
        // Different initial weights for the resumed run: everything must come from the checkpoint.
        using var model = TrainingFixtures.Mlp(loadPath is null ? 11 : 99, dropout: 0.25);
        using var optimizer = optim.Adam(model.parameters(), 2e-3);
        using var loader = new EpochDataLoader(TrainingFixtures.Dataset(Samples), batchSize: 32, shuffle: true, seed: 4, disposeDataset: true);
        var batches = new List<string>();
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = loader,
            MaxDuration = "3ep",
            Schedulers = [schedule == "cosine" ? new CosineAnnealingWithWarmupScheduler("5ba") : optim.lr_scheduler.StepLR(optimizer, 4, 0.7)],
            ClipGradNorm = 1.0,
            Device = "cpu",
            Seed = 5,
            RunName = "resume",
            SaveFolder = saveFolder,
            SaveInterval = "17ba",
            LoadPath = loadPath,
            Callbacks = [RecordingCallback.BatchLabels(batches)],
        });
        trainer.Fit();
        Assert.Equal(new Timestamp(3, 30, 0, 30 * 32), trainer.State.Timestamp);
        return (TrainingFixtures.Weights(model), batches);
    }
}
