// Scenario: A ?: expression picks between a class-balanced loader that wrongly adds batchSize: 32 to its batch sampler (bug: CMP006 on that arm) and a plain shuffled loader (fine); the chosen loader's epoch is set every pass.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace FewShot;

public sealed record SamplingConfig(bool UseClassBalanced, int Seed, int Epochs);

public static class PrototypeTraining
{
    public static void Run(InMemoryDataset data, SamplingConfig config)
    {
        long[] labels = data.Columns["label"].data<long>().ToArray();
        using var loader = config.UseClassBalanced
            ? new EpochDataLoader(data, batchSize: 32, batchSampler: new ClassBalancedBatchSampler(labels, 8, 4, config.Seed)) //! CMP006
            : new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: config.Seed);

        var encoder = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(784, 256)),
            ("act", nn.ELU()),
            ("fc2", nn.Linear(256, 64)));
        var optimizer = optim.Adam(encoder.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < config.Epochs; epoch++)
        {
            loader.SetEpoch(epoch);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var z = encoder.forward(batch["data"]);
                var y = batch["label"];
                var classes = y.unique().Item1;
                var prototypes = stack(Enumerable.Range(0, (int)classes.shape[0])
                    .Select(i => z[y.eq(classes[i])].mean([0]))
                    .ToArray());
                var targets = y.unsqueeze(1).eq(classes.unsqueeze(0)).to_type(ScalarType.Int64).argmax(1);
                var loss = nn.functional.cross_entropy(-cdist(z, prototypes), targets);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
