using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

/// <summary>The trainer reads every loader through <see cref="IDataLoader{TBatch}"/>: its own, and others adapted once.</summary>
[Collection(TrainingCollection.Name)]
public class LoaderContractTrainerTests
{
    private const int Samples = 320; // 10 batches of 32 per epoch

    [Fact]
    public void ATorchSharpLoaderWithADistributedSamplerGivesTheTrainerThisRanksBatchesPerEpoch()
    {
        // 100 samples dealt to 2 ranks, in batches of 10: 5 batches per epoch on this rank, where TorchSharp's Count says 10.
        using var model = TrainingFixtures.Mlp(3);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var sampler = new DistributedSampler(100, numReplicas: 2, rank: 0, seed: 8);
        using var loader = new TorchSharp.Modules.DataLoader(TrainingFixtures.Dataset(100), 10, sampler, disposeDataset: true);
        var progress = new List<double>();
        var rates = new List<double>();
        var labels = new List<long[]>();
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = loader,
            MaxDuration = "2ep",
            Schedulers = [new CosineAnnealingScheduler()], // "1dur": a fraction of the training, counted in batches per epoch
            Device = "cpu",
            Callbacks = [new RecordingCallback((e, s) =>
            {
                if (e == Event.AfterForward)
                {
                    rates.Add(s.LearningRates[0]);
                    labels.Add(s.Batch!["label"].data<long>().ToArray());
                }
                else if (e == Event.BatchEnd)
                {
                    progress.Add(s.Progress);
                }
            })],
        });

        Assert.Equal(10, loader.Count);
        Assert.Equal(5, trainer.State.BatchesPerEpoch);
        trainer.Fit();

        Assert.Equal(new Timestamp(2, 10, 0, 100), trainer.State.Timestamp);
        Assert.Equal(Enumerable.Range(1, 10).Select(b => b / 10.0), progress, new Tolerance(1e-12)); // fractional, epoch by epoch
        Assert.Equal(Enumerable.Range(0, 10).Select(b => 0.1 * 0.5 * (1 + Math.Cos(Math.PI * b / 10))), rates, new Tolerance(1e-12));

        var all = TrainingFixtures.Labels(100);
        for (int epoch = 0; epoch < 2; epoch++)
        {
            var reference = new DistributedSampler(100, numReplicas: 2, rank: 0, seed: 8);
            reference.SetEpoch(epoch);
            Assert.Equal(reference.Select(i => all[i]), labels.Skip(epoch * 5).Take(5).SelectMany(b => b)); // the trainer set the sampler's epoch
        }
    }

    [Theory]
    [InlineData("typed", 13)] // IDataLoader: from batch 7 of epoch 1 on, the 7 before it never read
    [InlineData("torchsharp", 20)] // adapted: the slow path loads the 7 batches it skips
    public void AMidEpochResumeEqualsTheUninterruptedRunBitForBit(string kind, int batchesReadOnResume)
    {
        string folder = TrainingFixtures.TempFolder();
        var (uninterrupted, uninterruptedBatches, _) = Train(kind, saveFolder: folder, loadPath: null);

        string checkpoint = Path.Combine(folder, "contract-ep1-ba17.ckpt");
        Assert.Equal(new Timestamp(1, 17, 7, 17 * 32), Checkpoint.ReadTimestamp(checkpoint));
        var (resumed, resumedBatches, reads) = Train(kind, saveFolder: null, loadPath: checkpoint);

        Assert.Equal(uninterruptedBatches.Skip(17), resumedBatches); // exactly the remaining batches, in order
        foreach (var (name, weights) in uninterrupted)
        {
            Assert.Equal(weights, resumed[name]); // bit for bit
        }

        Assert.Equal(batchesReadOnResume * 32, reads);
    }

    [Fact]
    public void RejectsATypedEvalLoaderThatDropsItsLastBatch()
    {
        using var model = TrainingFixtures.Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var eval = new EpochDataLoader<Dictionary<string, Tensor>, Dictionary<string, Tensor>>(
            new CountingRows(TrainingFixtures.Dataset(100)), Collate, batchSize: 32, dropLast: true, disposeDataset: true);
        var e = Assert.Throws<ArgumentException>(() => new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(64, 32), EvalLoader = eval }));
        Assert.Equal("EvalLoader", e.ParamName);
        Assert.Contains("covers 96 of the dataset's 100 samples", e.Message);
    }

    [Fact]
    public void EvaluatesALoaderThatCannotBeInspectedAsItYieldsIt()
    {
        using var model = TrainingFixtures.Mlp(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var eval = TrainingFixtures.Batches(100, 32).Take(3); // 96 of 100 samples: a plain enumerable says nothing to check
        using var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(64, 32), EvalLoader = eval, Device = "cpu" });
        Assert.InRange(trainer.Eval()["accuracy"], 0, 1);
    }

    private static (Dictionary<string, float[]> Weights, List<string> Batches, long Reads) Train(string kind, string? saveFolder, string? loadPath)
    {
        using var model = TrainingFixtures.Mlp(loadPath is null ? 11 : 99, dropout: 0.25);
        using var optimizer = optim.Adam(model.parameters(), 2e-3);
        var rows = new CountingRows(TrainingFixtures.Dataset(Samples));
        using var loader = kind == "typed"
            ? (IDisposable)new EpochDataLoader<Dictionary<string, Tensor>, Dictionary<string, Tensor>>(rows, Collate, batchSize: 32, shuffle: true, seed: 4, disposeDataset: true)
            : new TorchSharp.Modules.DataLoader(rows, 32, new RandomSampler(Samples, seed: 4), disposeDataset: true);
        var batches = new List<string>();
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = (IEnumerable<Dictionary<string, Tensor>>)loader,
            MaxDuration = "3ep",
            Schedulers = [new CosineAnnealingWithWarmupScheduler("5ba")],
            Device = "cpu",
            Seed = 5,
            RunName = "contract",
            SaveFolder = saveFolder,
            SaveInterval = "17ba",
            LoadPath = loadPath,
            Callbacks = [RecordingCallback.BatchLabels(batches)],
        });
        trainer.Fit();
        Assert.Equal(new Timestamp(3, 30, 0, 30 * 32), trainer.State.Timestamp);
        return (TrainingFixtures.Weights(model), batches, rows.Reads);
    }

    private static Dictionary<string, Tensor> Collate(IReadOnlyList<Dictionary<string, Tensor>> samples, Device device) =>
        samples[0].Keys.ToDictionary(key => key, key => stack(samples.Select(s => s[key]).ToArray()).to(device));

    /// <summary>An in-memory data set read sample by sample, counting the samples read (from any thread).</summary>
    private sealed class CountingRows(InMemoryDataset inner) : torch.utils.data.Dataset
    {
        private long _reads;

        public long Reads => Interlocked.Read(ref _reads);

        public override long Count => inner.Count;

        public override Dictionary<string, Tensor> GetTensor(long index)
        {
            Interlocked.Increment(ref _reads);
            return inner.GetTensor(index);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Compares doubles to within an absolute tolerance.</summary>
    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;
        public int GetHashCode(double obj) => 0;
    }
}
