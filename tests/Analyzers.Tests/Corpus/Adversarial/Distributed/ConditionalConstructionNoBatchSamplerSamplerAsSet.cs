// Scenario: the train loader is chosen with `?:` between a DistributedSampler loader and a shuffle: true loader (neither has a custom batch sampler), and the loop sets the epoch with (loader.Sampler as IEpochAware)?.SetEpoch: correct, the batches come from the loader's own BatchSampler over that sampler.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Tabular;

public sealed record RunOptions(int Epochs, int BatchSize, int Seed, bool Distributed);

public static class TabularTraining
{
    public static async Task<float> RunAsync(InMemoryDataset table, RunOptions options, CancellationToken ct)
    {
        var loader = options.Distributed
            ? new EpochDataLoader(table, options.BatchSize, sampler: new DistributedSampler(table.Count, Dist.WorldSize, Dist.Rank, seed: options.Seed))
            : new EpochDataLoader(table, options.BatchSize, shuffle: true, seed: options.Seed);

        var model = nn.Sequential(
            ("in", nn.Linear(table.Columns["data"].shape[1], 64)),
            ("act", nn.LeakyReLU(0.1)),
            ("drop", nn.Dropout(0.2)),
            ("out", nn.Linear(64, 2)));
        var opt = optim.AdamW(model.parameters(), lr: 1e-3);
        using var reducer = options.Distributed ? new GradientAllReducer(model) : null;
        float last = float.NaN;

        try
        {
            for (int epoch = 0; epoch < options.Epochs; epoch++)
            {
                ct.ThrowIfCancellationRequested();
                (loader.Sampler as IEpochAware)?.SetEpoch(epoch);
                foreach (var batch in loader)
                {
                    using var scope = NewDisposeScope();
                    opt.zero_grad();
                    var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    loss.backward();
                    reducer?.AverageGradients();
                    opt.step();
                    last = loss.item<float>();
                }
                await Task.Yield();
            }
        }
        finally
        {
            loader.Dispose();
        }
        return last;
    }
}
