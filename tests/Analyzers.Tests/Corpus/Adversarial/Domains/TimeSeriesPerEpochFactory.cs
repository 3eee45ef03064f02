// Scenario: an N-BEATS-like forecaster for many retail series trained with TorchSharp's own DataLoader; to keep runs reproducible yet reshuffled, the user builds a new shuffling loader every epoch through a factory whose seed is 1000 + epoch and whose data set is not disposed with it (right, no diagnostic: each epoch gets its own seed).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Domains.TimeSeriesPerEpochFactory;

/// <summary>Every (series, cut point) pair is a sample: `backcast` history and `forecast` horizon.</summary>
public sealed class RetailWindows : torch.utils.data.Dataset
{
    private readonly float[][] _series;
    private readonly (int Series, int Cut)[] _index;
    private readonly int _backcast, _horizon;

    public RetailWindows(float[][] series, int backcast, int horizon)
    {
        _series = series;
        _backcast = backcast;
        _horizon = horizon;
        _index = series
            .SelectMany((s, i) => Enumerable.Range(backcast, Math.Max(0, s.Length - backcast - horizon + 1)).Select(c => (i, c)))
            .ToArray();
    }

    public override long Count => _index.Length;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var (s, cut) = _index[index];
        var values = _series[s];
        float scale = Math.Max(1e-3f, values.Skip(cut - _backcast).Take(_backcast).Average());
        return new Dictionary<string, Tensor>
        {
            ["backcast"] = torch.tensor(values.Skip(cut - _backcast).Take(_backcast).Select(v => v / scale).ToArray()),
            ["forecast"] = torch.tensor(values.Skip(cut).Take(_horizon).Select(v => v / scale).ToArray()),
        };
    }
}

public static class RetailForecastTraining
{
    static DataLoader LoaderForEpoch(RetailWindows windows, int batchSize, int epoch) =>
        new DataLoader(windows, batchSize, shuffle: true, seed: 1000 + epoch, drop_last: true, disposeDataset: false);

    public static nn.Module<Tensor, Tensor> Train(float[][] salesHistory, int epochs = 40, int backcast = 84, int horizon = 28)
    {
        using var windows = new RetailWindows(salesHistory, backcast, horizon);
        var model = nn.Sequential(
            nn.Linear(backcast, 512), nn.ReLU(),
            nn.Linear(512, 512), nn.ReLU(),
            nn.Linear(512, 512), nn.ReLU(),
            nn.Linear(512, horizon));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var loader = LoaderForEpoch(windows, 1024, epoch);
            double sum = 0;
            long n = 0;
            foreach (var batch in loader)
            {
                using var scope = torch.NewDisposeScope();
                var forecast = model.call(batch["backcast"]);
                var target = batch["forecast"];
                // sMAPE on the scaled series.
                var loss = (2 * (forecast - target).abs() / (forecast.abs() + target.abs() + 1e-6)).mean();
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                n++;
            }
            Console.WriteLine($"epoch {epoch}: sMAPE {100 * sum / Math.Max(n, 1):F2}");
        }
        return model;
    }
}
