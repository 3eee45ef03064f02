// Scenario: types named like the runtime's loaders in an in-house namespace (a `DataLoader` and an `EpochDataLoader` that are neither TorchSharp's nor Composer's, and not enumerable), built with shuffle, seed and batch sampler arguments, and log lines that use nameof(train.SetEpoch); the real loader's epoch is set: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.LookalikeLoadersAndNameof
{
    namespace Legacy
    {
        /// <summary>The old CSV reader's configuration; it only remembers its arguments.</summary>
        public sealed class DataLoader(string path, int batchSize, bool shuffle, int seed)
        {
            public override string ToString() => $"{path}: {batchSize} per batch, shuffle={shuffle}, seed={seed}";
        }

        /// <summary>A settings record of the old pipeline, named after the loader it configured.</summary>
        public sealed record EpochDataLoader(string Path, int batchSize = 1, bool shuffle = false, object? batchSampler = null);
    }

    public static class Program
    {
        public static void Main()
        {
            var legacy = new Legacy.DataLoader("train.csv", 64, shuffle: true, seed: 42);
            var settings = new Legacy.EpochDataLoader("train.csv", batchSize: 64, shuffle: true, batchSampler: "pk");
            Console.WriteLine($"{legacy} / {settings}");

            var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(200, 2), ["label"] = randint(0, 2, 200) });
            using var train = new Composer.Data.EpochDataLoader(data, batchSize: 20, shuffle: true, seed: 42);
            for (int epoch = 0; epoch < 3; epoch++)
            {
                Console.WriteLine($"{nameof(train.SetEpoch)}({epoch}) before {nameof(train)} is iterated");
                train.SetEpoch(epoch);
                foreach (var batch in train) Console.WriteLine(nameof(Epochs.SetEpoch));
            }
        }
    }
}
