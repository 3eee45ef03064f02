// Scenario: multivariate demand forecasting with rolling-origin cross-validation; the user keeps a global epoch counter across folds so that no two epochs of the run share an order, but only advances it after each fold and passes it alone to Epochs.SetEpoch, so within a fold every epoch gets the same value and replays one order (wrong: CMP004 at the setter; intended globalEpoch + epoch).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var cfg = new DemandCvConfig(Lookback: 56, Horizon: 14, Folds: 4, EpochsPerFold: 25, BatchSize: 64);
var (features, demand) = DemandCv.Load("data/store_item_demand.csv");
var foldScores = new List<double>();

int globalEpoch = 0;
foreach (var (cutoff, fold) in DemandCv.Cutoffs(demand.Length, cfg).Select((c, i) => (c, i)))
{
    using var trainSet = DemandCv.Windows(features, demand, cfg, end: cutoff);
    using var testSet = DemandCv.Windows(features, demand, cfg, end: cutoff + cfg.Horizon * 4, start: cutoff);
    using var train = new EpochDataLoader(trainSet, batchSize: cfg.BatchSize, shuffle: true, seed: 2024);
    using var test = new EpochDataLoader(testSet, batchSize: 256);

    var model = nn.Sequential(nn.Flatten(), nn.Linear(cfg.Lookback * features.GetLength(1), 128), nn.ReLU(), nn.Linear(128, cfg.Horizon));
    var optimizer = optim.Adam(model.parameters(), lr: 5e-4);

    for (int epoch = 0; epoch < cfg.EpochsPerFold; epoch++)
    {
        Epochs.SetEpoch(train, globalEpoch); //! CMP004
        foreach (var batch in train)
        {
            using var scope = torch.NewDisposeScope();
            var loss = nn.functional.mse_loss(model.call(batch["x"]), batch["y"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
    globalEpoch += cfg.EpochsPerFold;

    using (torch.no_grad())
    {
        double se = 0; long n = 0;
        foreach (var batch in test)
        {
            using var scope = torch.NewDisposeScope();
            var err = model.call(batch["x"]) - batch["y"];
            se += err.pow(2).sum().item<float>();
            n += err.numel();
        }
        foldScores.Add(Math.Sqrt(se / n));
    }
    Console.WriteLine($"fold {fold} (cutoff {cutoff}): RMSE {foldScores[^1]:F3}");
}
Console.WriteLine($"mean RMSE {foldScores.Average():F3}");

sealed record DemandCvConfig(int Lookback, int Horizon, int Folds, int EpochsPerFold, int BatchSize);

static class DemandCv
{
    public static (float[,] Features, float[] Demand) Load(string path)
    {
        var rows = File.ReadLines(path).Skip(1).Select(l => l.Split(',').Select(float.Parse).ToArray()).ToArray();
        var features = new float[rows.Length, rows[0].Length - 1];
        var demand = new float[rows.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            for (int c = 1; c < rows[r].Length; c++) features[r, c - 1] = rows[r][c];
            demand[r] = rows[r][0];
        }
        return (features, demand);
    }

    public static IEnumerable<int> Cutoffs(int length, DemandCvConfig cfg) =>
        Enumerable.Range(0, cfg.Folds).Select(k => length - (cfg.Folds - k) * cfg.Horizon * 4);

    public static InMemoryDataset Windows(float[,] features, float[] demand, DemandCvConfig cfg, int end, int start = 0)
    {
        var x = torch.tensor(features);
        var y = torch.tensor(demand);
        var targets = Enumerable.Range(Math.Max(start, cfg.Lookback), Math.Max(0, end - cfg.Horizon - Math.Max(start, cfg.Lookback))).ToArray();
        return new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["x"] = torch.stack(targets.Select(t => x.narrow(0, t - cfg.Lookback, cfg.Lookback)).ToArray()),
            ["y"] = torch.stack(targets.Select(t => y.narrow(0, t, cfg.Horizon)).ToArray()),
        });
    }
}
