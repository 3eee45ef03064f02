// Scenario: a trainer exposes an EpochBegins event; AttachEpochHooks(), called at the start of Fit, subscribes the train loader's SetEpoch (and the EMA's), and Fit raises the event each epoch before iterating the shuffling loader (correct, no diagnostic).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Blind11.EventSubscriptionInRegistrationMethod;

public sealed class EmaDecay
{
    public double Decay { get; private set; } = 0.9;
    public void SetEpoch(int epoch) => Decay = Math.Min(0.999, 0.9 + 0.01 * epoch);
}

public sealed class ImageTrainer
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _val;
    private readonly EmaDecay _ema = new();
    private readonly Sequential _model = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10));

    public event Action<int>? EpochBegins;

    public ImageTrainer(InMemoryDataset train, InMemoryDataset val)
    {
        _train = new EpochDataLoader(train, batchSize: 128, shuffle: true, seed: 42, dropLast: true);
        _val = new EpochDataLoader(val, batchSize: 512);
    }

    private void AttachEpochHooks()
    {
        EpochBegins += _train.SetEpoch;
        EpochBegins += _ema.SetEpoch;
    }

    public void Fit(int epochs)
    {
        AttachEpochHooks();
        var optimizer = optim.SGD(_model.parameters(), 0.1, momentum: 0.9, weight_decay: 5e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochBegins?.Invoke(epoch);
            _model.train();
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            _model.eval();
            long correct = 0;
            using (no_grad())
                foreach (var batch in _val)
                    correct += _model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            Console.WriteLine($"epoch {epoch}: val correct {correct}, ema decay {_ema.Decay:F3}");
        }
    }
}
