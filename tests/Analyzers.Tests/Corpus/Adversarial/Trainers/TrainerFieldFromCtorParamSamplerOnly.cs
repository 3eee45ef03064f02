// Scenario: a trainer stores a loader handed in through its constructor and, like Composer, sets the epoch on loader.Sampler only: a bug, since the loader may draw from a batch sampler.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mnist.Training;

public sealed class ClassifierTrainer
{
    readonly EpochDataLoader _train;
    readonly Sequential _model;
    readonly optim.Optimizer _optimizer;
    readonly int _epochs;

    public ClassifierTrainer(EpochDataLoader train, int epochs = 10)
    {
        _train = train;
        _epochs = epochs;
        _model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(28 * 28, 256)),
            ("relu", nn.ReLU()),
            ("fc2", nn.Linear(256, 10)));
        _optimizer = optim.SGD(_model.parameters(), learningRate: 0.05, momentum: 0.9);
    }

    public void Fit()
    {
        _model.train();
        for (int epoch = 0; epoch < _epochs; epoch++)
        {
            if (_train.Sampler is IEpochAware aware) aware.SetEpoch(epoch); //! CMP001

            double total = 0;
            long steps = 0;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                var logits = _model.forward(batch["data"]);
                var loss = nn.functional.cross_entropy(logits, batch["label"]);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
                total += loss.item<float>();
                steps++;
            }
            Console.WriteLine($"epoch {epoch}: loss {total / Math.Max(1, steps):F4}");
        }
    }
}
