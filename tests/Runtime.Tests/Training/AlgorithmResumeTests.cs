using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

/// <summary>Mid-epoch checkpoints with algorithms and stateful callbacks resume bit for bit on CPU.</summary>
[Collection(TrainingCollection.Name)]
public class AlgorithmResumeTests
{
    private const int Samples = 320; // 10 batches of 32 per epoch

    [Fact]
    public void EmaMixUpAndEarlyStoppingResumeBitForBitFromAMidEpochCheckpoint()
    {
        string folder = TrainingFixtures.TempFolder();
        var uninterrupted = Train(folder, loadPath: null);

        // Batch 13 is the 3rd batch of epoch 1; the early stopper has waited two evaluations (8 and 12) since its best (at 4).
        string checkpoint = Path.Combine(folder, "algorithms-ep1-ba13.ckpt");
        Assert.Equal(new Timestamp(1, 13, 3, 13 * 32), Checkpoint.ReadTimestamp(checkpoint));
        var resumed = Train(folder: null, loadPath: checkpoint);

        // The stopper's wait count came from the checkpoint: the evaluation at 16 reaches patience 3, as before.
        Assert.Equal(new Timestamp(1, 16, 6, 16 * 32), uninterrupted.Timestamp);
        Assert.Equal(uninterrupted.Timestamp, resumed.Timestamp);
        Assert.Equal(uninterrupted.Batches.Skip(13), resumed.Batches);
        Assert.Equal(uninterrupted.Mixings.Skip(13), resumed.Mixings);
        Assert.Equal(uninterrupted.Stopper, resumed.Stopper);
        foreach (var (name, weights) in uninterrupted.Weights)
        {
            Assert.Equal(weights, resumed.Weights[name]); // bit for bit (the averaged weights: EMA puts them in at the end)
        }

        foreach (var (name, average) in uninterrupted.Average)
        {
            Assert.Equal(average, resumed.Average[name]);
        }
    }

    [Fact]
    public void StatelessAlgorithmsResumeBitForBitWithMicroBatches()
    {
        string folder = TrainingFixtures.TempFolder();
        var uninterrupted = TrainStateless(folder, loadPath: null);
        var resumed = TrainStateless(folder: null, loadPath: Path.Combine(folder, "stateless-ep1-ba17.ckpt"));

        foreach (var (name, weights) in uninterrupted)
        {
            Assert.Equal(weights, resumed[name]);
        }
    }

    private sealed record Run(
        Timestamp Timestamp, List<string> Batches, List<double> Mixings, (double Best, int Wait) Stopper,
        Dictionary<string, float[]> Weights, Dictionary<string, float[]> Average);

    private static Run Train(string? folder, string? loadPath)
    {
        // Different initial weights for the resumed run: everything must come from the checkpoint.
        using var model = TrainingFixtures.Mlp(loadPath is null ? 11 : 99, dropout: 0.25);
        using var optimizer = optim.Adam(model.parameters(), 2e-3);
        using var loader = new EpochDataLoader(TrainingFixtures.Dataset(Samples), batchSize: 32, shuffle: true, seed: 4, disposeDataset: true);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(64), batchSize: 64, disposeDataset: true);
        using var ema = new EMA(halfLife: "4ba");
        var mixUp = new MixUp(alpha: 0.4);
        // No loss can beat the first evaluation's by 10: evaluations at 4 (best), 8, 12, 16 (wait 1, 2, 3: stop).
        var stopper = new EarlyStopper("loss", patience: 3, minDelta: 10);
        var batches = new List<string>();
        var mixings = new List<double>();
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = loader,
            EvalLoader = eval,
            EvalInterval = "4ba",
            MaxDuration = "3ep",
            Schedulers = [new CosineAnnealingWithWarmupScheduler("5ba")],
            Device = "cpu",
            Seed = 5,
            RunName = "algorithms",
            SaveFolder = folder,
            SaveInterval = "13ba",
            LoadPath = loadPath,
            Algorithms = [mixUp, ema],
            Callbacks = [stopper, new RecordingCallback((e, s) =>
            {
                if (e == Event.BatchStart)
                {
                    batches.Add(string.Join(",", s.Batch!["label"].data<long>().ToArray()));
                    mixings.Add(mixUp.Mixing);
                }
            })],
        });
        trainer.Fit();
        return new Run(trainer.State.Timestamp, batches, mixings, (stopper.Best, stopper.Wait), TrainingFixtures.Weights(model),
            ema.Average.ToDictionary(a => a.Key, a => a.Value.data<float>().ToArray()));
    }

    private static Dictionary<string, float[]> TrainStateless(string? folder, string? loadPath)
    {
        using var model = TrainingFixtures.Mlp(loadPath is null ? 11 : 99, dropout: 0.25);
        using var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
        using var loader = new EpochDataLoader(TrainingFixtures.Dataset(Samples), batchSize: 32, shuffle: true, seed: 4, disposeDataset: true);
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = loader,
            MaxDuration = "3ep",
            GradAccumSteps = 2,
            Device = "cpu",
            Seed = 5,
            RunName = "stateless",
            SaveFolder = folder,
            SaveInterval = "17ba",
            LoadPath = loadPath,
            Algorithms = [new CutOut(length: 0.25), new CutMix(alpha: 1), new LabelSmoothing(0.1), new SAM(rho: 0.05, interval: 2)],
        });
        trainer.Fit();
        Assert.Equal(new Timestamp(3, 30, 0, 30 * 32), trainer.State.Timestamp);
        return TrainingFixtures.Weights(model);
    }
}
