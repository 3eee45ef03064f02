// Scenario: an async Fit subscribes a logger and the shuffled loader's SetEpoch, then after warm-up takes off `_train.SetEpoch` where it meant the logger, so later epochs replay one order; wrong at run time, but the rule pages count a method group handed on with += on every pass of the member's loops and say a -= sets nothing — no finding, by the page's documented limit
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.AsyncRemovesWrongHandler;

public sealed class EpochEvents
{
    public event Action<int>? EpochStarting;

    public void Raise(int epoch) => EpochStarting?.Invoke(epoch);
}

public sealed class AsyncImageTrainer(EpochEvents events, string checkpointDir) : IDisposable
{
    private readonly EpochDataLoader _train = new EpochDataLoader(
        new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(4000, 3 * 8 * 8),
            ["label"] = torch.randint(0, 10, 4000, dtype: ScalarType.Int64),
        }),
        batchSize: 100, shuffle: true, seed: 31);
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(192, 128), nn.ReLU(), nn.Linear(128, 10));

    private void LogEpoch(int epoch) => Console.WriteLine($"[warm-up] epoch {epoch}");

    public async Task FitAsync(int epochs, int warmupEpochs, CancellationToken cancel = default)
    {
        using var optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        events.EpochStarting += LogEpoch;
        events.EpochStarting += _train.SetEpoch;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            events.Raise(epoch);
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            await SaveAsync(epoch, cancel);
            if (epoch + 1 == warmupEpochs)
                events.EpochStarting -= _train.SetEpoch; // meant: -= LogEpoch (warm-up logging is done)
        }
    }

    private async Task SaveAsync(int epoch, CancellationToken cancel)
    {
        Directory.CreateDirectory(checkpointDir);
        var path = Path.Combine(checkpointDir, $"epoch-{epoch}.txt");
        await File.WriteAllTextAsync(path, $"epoch={epoch}", cancel);
    }

    public void Dispose()
    {
        _train.Dispose();
        _model.Dispose();
    }
}
