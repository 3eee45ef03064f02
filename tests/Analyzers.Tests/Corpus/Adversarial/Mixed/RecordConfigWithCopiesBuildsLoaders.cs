// Scenario: a LoaderConfig record is copied with `with` into train, validation and test configs and loaders are built from them (shuffle from the config, not a constant); the train loader's epoch is set every pass and the copies for evaluation do not shuffle — correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Tabular;

public sealed record LoaderConfig(int BatchSize, bool Shuffle, int Seed, bool DropLast = false, int WorldSize = 1, int Rank = 0)
{
    public static LoaderConfig Default { get; } = new(64, Shuffle: true, Seed: 1234);
    public override string ToString() => $"bs={BatchSize} shuffle={Shuffle} seed={Seed} drop={DropLast} rank={Rank}/{WorldSize}";
}

public enum Split { Train, Validation, Test }

public sealed record EpochResult(int Epoch, double Loss, double? ValidationAccuracy = null);

public static class LoaderFactory
{
    public static EpochDataLoader Create(InMemoryDataset data, LoaderConfig cfg, Split split) => split switch
    {
        Split.Train => new EpochDataLoader(data, batchSize: cfg.BatchSize,
            sampler: new DistributedSampler(data.Count, cfg.WorldSize, cfg.Rank, shuffle: cfg.Shuffle, seed: cfg.Seed),
            dropLast: cfg.DropLast),
        _ => new EpochDataLoader(data, batchSize: cfg.BatchSize, shuffle: cfg.Shuffle, seed: cfg.Seed),
    };
}

public sealed class TabularExperiment
{
    private readonly InMemoryDataset _train;
    private readonly InMemoryDataset _validation;
    private readonly InMemoryDataset _test;
    private readonly int _features;

    public TabularExperiment(long rows, int features)
    {
        _features = features;
        (_train, _validation, _test) = (Make(rows, features), Make(rows / 5, features), Make(rows / 5, features));
    }

    private static InMemoryDataset Make(long rows, int features)
    {
        var x = torch.randn(rows, features);
        var y = (x.sum(1) > 0).to(ScalarType.Int64);
        return new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = y });
    }

    public IReadOnlyList<EpochResult> Run(int epochs)
    {
        var trainCfg = LoaderConfig.Default with { BatchSize = 32, DropLast = true };
        var evalCfg = trainCfg with { Shuffle = false, BatchSize = 256, DropLast = false };
        var testCfg = evalCfg with { Seed = 0 };
        foreach (var cfg in new[] { trainCfg, evalCfg, testCfg }) Console.WriteLine(cfg);

        var train = LoaderFactory.Create(_train, trainCfg, Split.Train);
        var validation = LoaderFactory.Create(_validation, evalCfg, Split.Validation);
        using var test = new EpochDataLoader(_test, batchSize: testCfg.BatchSize, shuffle: testCfg.Shuffle, seed: testCfg.Seed);

        var model = nn.Sequential(("in", nn.Linear(_features, 32)), ("act", nn.GELU()), ("out", nn.Linear(32, 2)));
        var optimizer = optim.Adam(model.parameters(), 1e-3);
        var history = new List<EpochResult>();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            double sum = 0;
            int steps = 0;
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                steps++;
            }

            var result = new EpochResult(epoch, sum / Math.Max(1, steps));
            if (epoch % 2 == 1)
            {
                long correct = 0, seen = 0;
                using (torch.no_grad())
                {
                    foreach (var batch in validation)
                    {
                        correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                        seen += batch["label"].shape[0];
                    }
                }
                result = result with { ValidationAccuracy = (double)correct / Math.Max(1, seen) };
            }
            history.Add(result);
        }

        long testCorrect = 0, testSeen = 0;
        using (torch.no_grad())
        {
            foreach (var batch in test)
            {
                testCorrect += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                testSeen += batch["label"].shape[0];
            }
        }
        Console.WriteLine($"test accuracy {(double)testCorrect / Math.Max(1, testSeen):P1}");
        return history;
    }
}
