// Scenario: a Lightning-style trainer publishes "epoch start" on a callback bus declared in another library, handing it its private method `void Reshuffle(int e) { _train.SetEpoch(e); _sampler.SetEpoch(e); }` as a method group together with the epoch (`_bus.Publish(epoch, Reshuffle)`); the bus calls each handler with that epoch. Right: the epoch is whatever the bus passes, and the bus passes the loop's epoch. Rules overview: "A method in view handed on as a delegate (`scheduler.Every(BeginEpoch)`) counts on every pass with what it sets on fields and properties" (both loader parts are fields), and "CMP004 and CMP005 do not judge delegates"; the CMP004 page: "A constant handed to a helper *method*": "only setter calls are judged, where they are written, and inside the method the call is in no epoch loop". No diagnostic (the control for StoredReshuffleLambdaHandedToEpochRunner.cs).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam27.MethodGroupHandedOn;

public interface ICallbackBus
{
    void Publish(int epoch, Action<int> handler);
    void Metric(string name, double value);
}

public sealed class BusTrainer : IDisposable
{
    private readonly RandomSampler _sampler;
    private readonly EpochDataLoader _train;
    private readonly ICallbackBus _bus;

    public BusTrainer(InMemoryDataset data, ICallbackBus bus)
    {
        _sampler = new RandomSampler(data.Count, seed: 77);
        _train = new EpochDataLoader(data, batchSize: 32, sampler: _sampler);
        _bus = bus;
    }

    public void Fit(nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _bus.Publish(epoch, Reshuffle);
            model.train();
            double sum = 0;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            _bus.Metric("train/loss", sum / Math.Max(1, _train.Count));
        }
    }

    private void Reshuffle(int e)
    {
        _train.SetEpoch(e);
        _sampler.SetEpoch(e);
    }

    public void Dispose() => _train.Dispose();
}
