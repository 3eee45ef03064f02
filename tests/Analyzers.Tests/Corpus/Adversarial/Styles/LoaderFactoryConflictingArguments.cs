// Scenario: a DI-registered loader factory builds every loader from options; the metric-learning loader keeps a const default batch size next to its batch sampler and the hard-negative loader passes shuffle: true with a batch sampler, both rejected at construction (wrong: CMP006 twice); the other loaders and the trainer are right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut3.Styles.LoaderFactoryConflictingArguments;

public sealed record LoaderOptions
{
    public int BatchSize { get; init; } = 64;
    public bool Shuffle { get; init; } = true;
    public bool DropLast { get; init; }
    public int ClassesPerBatch { get; init; } = 16;
    public int SamplesPerClass { get; init; } = 4;
    public int Seed { get; init; } = 99;
}

public interface IOptionsMonitor<T> { T CurrentValue { get; } }

public sealed class FixedOptions<T>(T value) : IOptionsMonitor<T> { public T CurrentValue => value; }

public interface ILoaderFactory
{
    EpochDataLoader CreateTrain();
    EpochDataLoader CreateMetric();
    EpochDataLoader CreateHardNegatives();
    EpochDataLoader CreateEval();
}

public sealed class LoaderFactory : ILoaderFactory
{
    private const int DefaultBatchSize = 64;
    private const int EvalBatchSize = 512;
    private static readonly int MinedBatchSize = 128;

    private readonly IOptionsMonitor<LoaderOptions> _options;
    private readonly InMemoryDataset _train;
    private readonly InMemoryDataset _val;
    private readonly long[] _labels;

    public LoaderFactory(IOptionsMonitor<LoaderOptions> options, InMemoryDataset train, InMemoryDataset val, long[] labels)
    {
        (_options, _train, _val, _labels) = (options, train, val, labels);
    }

    public EpochDataLoader CreateTrain()
    {
        var o = _options.CurrentValue;
        return new EpochDataLoader(_train, batchSize: o.BatchSize, shuffle: o.Shuffle, sampler: new DistributedSampler(_train.Count, seed: o.Seed), dropLast: o.DropLast);
    }

    public EpochDataLoader CreateMetric()
    {
        var o = _options.CurrentValue;
        var pk = new ClassBalancedBatchSampler(_labels, o.ClassesPerBatch, o.SamplesPerClass, seed: o.Seed);
        return new EpochDataLoader(_train, batchSize: DefaultBatchSize, batchSampler: pk, dropLast: o.DropLast); //! CMP006
    }

    public EpochDataLoader CreateHardNegatives()
    {
        var o = _options.CurrentValue;
        var batches = new BatchSampler(new RandomSampler(_train.Count, seed: o.Seed + 7), MinedBatchSize, dropLast: true);
        return new EpochDataLoader(_train, MinedBatchSize, shuffle: true, batchSampler: batches); //! CMP006
    }

    public EpochDataLoader CreateEval() =>
        new EpochDataLoader(_val, EvalBatchSize, false, new SequentialSampler(_val.Count));
}

public sealed class EmbeddingTrainer(ILoaderFactory loaders, IOptionsMonitor<LoaderOptions> options)
{
    public void Fit(nn.Module<Tensor, Tensor> encoder, int epochs)
    {
        var train = loaders.CreateTrain();
        var metric = loaders.CreateMetric();
        var mined = loaders.CreateHardNegatives();
        var eval = loaders.CreateEval();
        var optimizer = optim.Adam(encoder.parameters(), lr: 1e-3);
        Console.WriteLine($"batch size {options.CurrentValue.BatchSize}, {train.Count} train batches");

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(train, epoch);
            metric.SetEpoch(epoch);
            mined.SetEpoch(epoch);
            foreach (var batch in train.Concat(metric).Concat(mined))
            {
                optimizer.zero_grad();
                using var embeddings = nn.functional.normalize(encoder.forward(batch["x"]), dim: 1);
                using var loss = (1 - embeddings.matmul(embeddings.t()).mean());
                loss.backward();
                optimizer.step();
            }

            using var _ = no_grad();
            var norms = eval.Select(b => encoder.forward(b["x"]).norm().item<float>()).ToList();
            Console.WriteLine($"epoch {epoch}: mean eval norm {norms.Average():F3}");
        }
    }
}

public static class Composition
{
    public static EmbeddingTrainer Build()
    {
        var options = new FixedOptions<LoaderOptions>(new LoaderOptions { BatchSize = 96 });
        var train = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(8192, 64) });
        var val = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1024, 64) });
        var labels = Enumerable.Range(0, 8192).Select(i => (long)(i % 128)).ToArray();
        return new EmbeddingTrainer(new LoaderFactory(options, train, val, labels), options);
    }
}
