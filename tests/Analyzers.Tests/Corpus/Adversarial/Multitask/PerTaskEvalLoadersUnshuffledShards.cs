// Scenario: data-parallel multi-task sensor model (forecasting + fault classification): both shuffled training loaders get the epoch every epoch, and each task's validation loader, built on a DistributedSampler with shuffle: false, is read every epoch without an epoch (correct: no diagnostic — the validation order does not depend on the epoch).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
const int epochs = 40;
const int window = 128;

var forecastTrain = Load("data/turbofan/forecast_train");
var forecastVal = Load("data/turbofan/forecast_val");
var faultTrain = Load("data/turbofan/fault_train");
var faultVal = Load("data/turbofan/fault_val");

using var forecastLoader = new EpochDataLoader(forecastTrain, batchSize: 64, shuffle: true, seed: 7, disposeDataset: true);
using var faultLoader = new EpochDataLoader(faultTrain, batchSize: 64, shuffle: true, seed: 8, disposeDataset: true);
using var forecastEval = new EpochDataLoader(forecastVal, batchSize: 256,
    sampler: new DistributedSampler(forecastVal.Count, shuffle: false), disposeDataset: true);
using var faultEval = new EpochDataLoader(faultVal, batchSize: 256,
    sampler: new DistributedSampler(faultVal.Count, shuffle: false), disposeDataset: true);

var encoder = nn.Sequential(nn.Flatten(), nn.Linear(14 * window, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU());
var forecastHead = nn.Linear(128, 1);
var faultHead = nn.Linear(128, 4);
var all = nn.ModuleList(encoder, forecastHead, faultHead);
var optimizer = optim.Adam(all.parameters(), 1e-3);
using var reducer = new GradientAllReducer(all);
reducer.BroadcastParameters();

for (int epoch = 0; epoch < epochs; epoch++)
{
    Epochs.SetEpoch(forecastLoader, epoch);
    Epochs.SetEpoch(faultLoader, epoch);

    all.train();
    foreach (var (f, c) in forecastLoader.Zip(faultLoader))
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.mse_loss(forecastHead.call(encoder.call(f["window"])).squeeze(1), f["target"])
                 + nn.functional.cross_entropy(faultHead.call(encoder.call(c["window"])), c["target"]);
        optimizer.zero_grad();
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
    }

    all.eval();
    using (no_grad())
    {
        var sums = zeros(4, dtype: ScalarType.Float64);   // squared error, rows, correct, rows
        foreach (var batch in forecastEval)
        {
            var err = forecastHead.call(encoder.call(batch["window"])).squeeze(1) - batch["target"];
            sums[0] += err.pow(2).sum().to_type(ScalarType.Float64);
            sums[1] += batch["target"].shape[0];
        }
        foreach (var batch in faultEval)
        {
            var predicted = faultHead.call(encoder.call(batch["window"])).argmax(1);
            sums[2] += predicted.eq(batch["target"]).sum().to_type(ScalarType.Float64);
            sums[3] += batch["target"].shape[0];
        }
        Dist.AllReduce(sums);
        var s = sums.data<double>().ToArray();
        if (Dist.Rank == 0)
            Console.WriteLine($"epoch {epoch}: val RMSE {Math.Sqrt(s[0] / s[1]):F3}  fault acc {s[2] / s[3]:P1}");
    }
}

static InMemoryDataset Load(string folder) => new(new Dictionary<string, Tensor>
{
    ["window"] = torch.load(Path.Combine(folder, "window.pt")),   // [N, 14, 128]
    ["target"] = torch.load(Path.Combine(folder, "target.pt")),
});
