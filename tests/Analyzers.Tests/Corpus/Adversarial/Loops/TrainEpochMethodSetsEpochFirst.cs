// Scenario: Fit's epoch loop calls a private TrainEpoch(epoch) method of the same class that sets the field loader's epoch and then iterates it: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Classic;

public sealed class ClassicTrainer : IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public ClassicTrainer(InMemoryDataset train)
    {
        _train = new EpochDataLoader(train, batchSize: 128, shuffle: true, seed: 8, dropLast: true);
        _model = nn.Sequential(("fc1", nn.Linear(64, 64)), ("relu", nn.ReLU()), ("fc2", nn.Linear(64, 4)));
        _optimizer = optim.Adagrad(_model.parameters(), lr: 0.01);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var loss = TrainEpoch(epoch);
            Console.WriteLine($"epoch {epoch}: {loss:F4}");
        }
    }

    private double TrainEpoch(int epoch)
    {
        _train.SetEpoch(epoch);
        _model.train();
        double total = 0;
        foreach (var batch in _train)
        {
            _optimizer.zero_grad();
            using var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
            loss.backward();
            _optimizer.step();
            total += loss.item<float>();
        }
        return total / _train.Count;
    }

    public void Dispose() => _train.Dispose();
}
