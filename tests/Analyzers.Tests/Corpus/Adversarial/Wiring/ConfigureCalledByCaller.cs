// Scenario: Program calls Configure(), which subscribes the shuffled loader's SetEpoch to the hub, and then Fit(), whose loop only raises the hub's event — correct, no finding (labelled CMP002 by the page's limit of the day, relabelled 2026-12-07 when a setter a constructor or method of the type hands on began to count)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.ConfigureCalledByCaller;

public sealed class EpochHub
{
    public event Action<int>? EpochBegan;

    public void Announce(int epoch) => EpochBegan?.Invoke(epoch);
}

public sealed class SpeechPretrainer : IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public SpeechPretrainer(InMemoryDataset frames)
    {
        _train = new EpochDataLoader(frames, batchSize: 32, sampler: new RandomSampler(frames.Count, seed: 1234));
        _model = nn.Sequential(nn.Linear(80, 256), nn.GELU(), nn.Linear(256, 80));
        _optimizer = optim.Adam(_model.parameters(), lr: 2e-4);
    }

    // Like Lightning's `setup(stage)`: wiring done once, by whoever drives the run.
    public void Configure(EpochHub hub)
    {
        hub.EpochBegan += _train.SetEpoch;
        hub.EpochBegan += epoch => Console.WriteLine($"pretraining epoch {epoch}");
    }

    public void Fit(EpochHub hub, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            hub.Announce(epoch);
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                var x = batch["data"];
                var masked = x * (torch.rand_like(x) > 0.15).to_type(ScalarType.Float32);
                var loss = nn.functional.l1_loss(_model.forward(masked), x);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
            }
        }
    }

    public void Dispose()
    {
        _train.Dispose();
        _model.Dispose();
        _optimizer.Dispose();
    }
}

public static class Program
{
    public static void Main()
    {
        var frames = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = torch.randn(4096, 80) });
        var hub = new EpochHub();
        using var pretrainer = new SpeechPretrainer(frames);
        pretrainer.Configure(hub);
        pretrainer.Fit(hub, epochs: 10);
    }
}
