using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Distributed.Tests;

/// <summary>
/// One side of an elastic resume, as a user would write it, run as an mpirun job of any size: <c>save</c> trains
/// <see cref="SaveAtBatch"/> batches (into epoch 1) and writes a checkpoint; <c>resave</c> loads it, trains
/// <see cref="ResaveBatches"/> more batches of the same epoch and writes it again (a job interrupted twice in one epoch);
/// <c>resume</c> loads it and trains to the end of epoch 2. Both do it twice, with a <see cref="DistributedSampler"/> and with a <see cref="ClassBalancedBatchSampler"/>,
/// and every rank writes the sample indices of every batch it trained on, one batch a line, to
/// <c>{folder}/{sampler}-{phase}-rank{r}.txt</c> as <c>epoch:index,index,…</c>.
/// </summary>
internal static class ElasticScenario
{
    public const int Samples = 90, BatchSize = 4, Seed = 7, P = 3, K = 2, SaveAtBatch = 3, ResaveBatches = 1;
    public static readonly string[] SamplerNames = ["distributed", "class-balanced"];

    public static long[] Labels() => Enumerable.Range(0, Samples).Select(i => (long)(i * 7 % 5)).ToArray();

    /// <summary>Where the save job stops on <paramref name="ranks"/> ranks: a whole epoch, then <see cref="SaveAtBatch"/> batches of epoch 1.</summary>
    public static long SaveAt(string sampler, int ranks)
    {
        long perRank = (Samples + ranks - 1) / ranks;
        long batchesPerEpoch = sampler == "distributed" ? (perRank + BatchSize - 1) / BatchSize : Samples / (P * K) / ranks;
        return batchesPerEpoch + SaveAtBatch;
    }

    public static int Run(string phase, string folder)
    {
        Dist.Initialize();
        foreach (string sampler in SamplerNames)
            Train(sampler, phase, folder);
        return 0;
    }

    private static void Train(string sampler, string phase, string folder)
    {
        using var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(Samples, 6, generator: new Generator(3)),
            ["label"] = tensor(Labels()),
            ["index"] = arange(Samples, dtype: ScalarType.Int64),
        });
        using var loader = sampler == "distributed"
            ? new EpochDataLoader(data, batchSize: BatchSize, sampler: new DistributedSampler(Samples, seed: Seed))
            : new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(Labels(), P, K, seed: Seed));
        manual_seed(phase == "save" ? 1 : 2); // different initial weights: the resumed ones must come from the checkpoint
        using var model = new ComposerClassifier(nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 5)));
        using var optimizer = optim.Adam(model.parameters(), 0.01);
        string checkpoint = Path.Combine(folder, $"{sampler}.ckpt");
        var lines = new List<string>();
        using var trainer = new Trainer(new TrainerOptions
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = loader,
            Device = "cpu",
            Seed = 3,
            MaxDuration = phase switch
            {
                "save" => $"{SaveAt(sampler, Dist.WorldSize)}ba",
                "resave" => $"{Checkpoint.ReadTimestamp(checkpoint).Batch + ResaveBatches}ba",
                _ => "3ep",
            },
            LoadPath = phase == "save" ? null : checkpoint,
            Callbacks = [new Recorder((e, s) =>
            {
                if (e == Event.BatchStart)
                    lines.Add($"{s.Timestamp.Epoch}:{string.Join(",", s.Batch!["index"].data<long>().ToArray())}");
            })],
        });
        string weights = Path.Combine(folder, $"{sampler}-weights-rank{Dist.Rank}.txt");
        if (phase != "save")
            Assert.Equal(File.ReadAllText(Path.Combine(folder, $"{sampler}-weights-rank0.txt")), Weights(model), "the resumed weights");
        using (var read = tensor(1L))
            Dist.AllReduce(read); // every rank has compared before rank 0 can write the weights again
        trainer.Fit();
        if (phase != "resume")
        {
            File.WriteAllText(weights, Weights(model));
            if (Dist.Rank == 0) trainer.SaveCheckpoint(checkpoint);
        }
        File.WriteAllLines(Path.Combine(folder, $"{sampler}-{phase}-rank{Dist.Rank}.txt"), lines);
        using var done = tensor(1L);
        Dist.AllReduce(done); // every rank has written its files (and rank 0 the checkpoint) before any leaves
    }

    private static string Weights(ComposerModel model) =>
        string.Join(";", model.state_dict().Select(p => p.Key + "=" + string.Join(",", p.Value.data<float>().ToArray().Select(v => BitConverter.SingleToInt32Bits(v)))));

    private sealed class Recorder(Action<Event, State> action) : Callback
    {
        public override void Run(Event e, State state) => action(e, state);
    }
}
