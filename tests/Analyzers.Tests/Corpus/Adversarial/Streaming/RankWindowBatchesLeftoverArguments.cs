// Scenario: a per-rank BatchSampler (over a DistributedSampler) feeds a time-series forecaster, but the loader creation keeps batchSize: BatchSize and dropLast: true from before the batch sampler was added — wrong: the runtime rejects both next to a batch sampler (CMP006 twice); the epoch itself is set correctly.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Forecasting;

public static class ShardedForecastTraining
{
    const int BatchSize = 32;
    const int Lookback = 168, Horizon = 24;

    public static void Run(string seriesFile, int epochs)
    {
        // one long univariate series [T]; windows are cut from it on the fly below
        var series = torch.load(seriesFile).to(torch.float32);
        var windows = MakeWindows(series);

        var perRank = new BatchSampler(new DistributedSampler(windows.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 5), BatchSize, dropLast: true);
        using var train = new EpochDataLoader(windows, batchSize: BatchSize, dropLast: true, batchSampler: perRank); //! CMP006 CMP006

        var model = nn.Sequential(
            ("in", nn.Linear(Lookback, 256)),
            ("relu", nn.ReLU()),
            ("out", nn.Linear(256, Horizon)));
        var optimizer = optim.Adam(model.parameters(), 1e-3);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            double total = 0;
            foreach (var batch in train)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.l1_loss(model.call(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
                total += loss.item<float>();
            }
            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: mae {total / train.Count:F4}");
        }
    }

    static InMemoryDataset MakeWindows(Tensor series)
    {
        // unfold gives every window of Lookback + Horizon steps with stride 1, as a view
        var all = series.unfold(0, Lookback + Horizon, 1);
        return new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = all[.., ..Lookback].contiguous(),
            ["label"] = all[.., Lookback..].contiguous(),
        });
    }
}
