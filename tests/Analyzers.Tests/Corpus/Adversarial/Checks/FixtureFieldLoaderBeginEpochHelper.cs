// Scenario: a test class builds a batch-sampler loader in its constructor into a field and, in a three-epoch test, calls its own BeginEpoch(epoch) helper, which sets the field loader's epoch, before each foreach over the field (right)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Composer.Checks.Fixtures;

[AttributeUsage(AttributeTargets.Method)]
file sealed class FactAttribute : Attribute { }

public sealed class AutoencoderTrainingTests : IDisposable
{
    private const int Samples = 640;
    private readonly InMemoryDataset _data;
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private int _currentEpoch = -1;

    // xUnit builds a fresh instance per test: this is the per-test setup.
    public AutoencoderTrainingTests()
    {
        manual_seed(11);
        _data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = rand(Samples, 20) });
        _train = new EpochDataLoader(_data,
            batchSampler: new BatchSampler(new RandomSampler(Samples, seed: 11), batchSize: 32, dropLast: true));
        _model = nn.Sequential(
            ("enc", nn.Linear(20, 6)), ("act", nn.ReLU()),
            ("dec", nn.Linear(6, 20)), ("out", nn.Sigmoid()));
        _optimizer = optim.Adam(_model.parameters(), lr: 5e-3);
    }

    private void BeginEpoch(int epoch)
    {
        _currentEpoch = epoch;
        _train.SetEpoch(epoch);
    }

    [Fact]
    public void Reconstruction_error_drops_within_three_epochs()
    {
        using var mse = nn.MSELoss();
        var epochLoss = new double[3];
        for (int epoch = 0; epoch < 3; epoch++)
        {
            BeginEpoch(epoch);
            int steps = 0;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var x = batch["data"];
                var loss = mse.forward(_model.forward(x), x);
                loss.backward();
                _optimizer.step();
                epochLoss[epoch] += loss.item<float>();
                steps++;
            }
            epochLoss[epoch] /= steps;
        }

        if (_currentEpoch != 2) throw new InvalidOperationException("BeginEpoch was not called for the last epoch");
        if (epochLoss[2] >= epochLoss[0])
            throw new InvalidOperationException($"loss {epochLoss[0]:F4} -> {epochLoss[2]:F4} did not drop");
    }

    public void Dispose()
    {
        _train.Dispose();
        _data.Dispose();
    }
}
