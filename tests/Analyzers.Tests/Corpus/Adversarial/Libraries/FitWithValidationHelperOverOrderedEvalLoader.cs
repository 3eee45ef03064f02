// Scenario: a library's Learner sets its shuffled train loader's epoch and calls its own Validate helper each epoch over an in-order validation loader that needs no epoch (right)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace LearnerKit;

public sealed record EpochReport(int Epoch, double TrainLoss, double ValidAccuracy);

/// <summary>fastai-style learner: a model, its data and an optimizer factory.</summary>
public sealed class Learner : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _valid;

    public Learner(nn.Module<Tensor, Tensor> model, InMemoryDataset trainSet, InMemoryDataset validSet, int batchSize = 64)
    {
        _model = model;
        _train = new EpochDataLoader(trainSet, batchSize, shuffle: true, seed: 42, dropLast: true);
        _valid = new EpochDataLoader(validSet, batchSize: 512);
    }

    /// <summary>Trains for <paramref name="epochs"/> epochs at a constant learning rate and reports each epoch.</summary>
    public IReadOnlyList<EpochReport> Fit(int epochs, double lr = 1e-3)
    {
        var reports = new List<EpochReport>();
        using var optimizer = optim.Adam(_model.parameters(), lr);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _train.SetEpoch(epoch);
            _model.train();
            double sum = 0;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            reports.Add(new EpochReport(epoch, sum / Math.Max(1, _train.Count), Validate(_valid)));
        }
        return reports;
    }

    /// <summary>Accuracy over <paramref name="loader"/>, in eval mode and without gradients.</summary>
    public double Validate(EpochDataLoader loader)
    {
        _model.eval();
        long correct = 0, total = 0;
        using (no_grad())
        {
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var predicted = _model.call(batch["data"]).argmax(1);
                correct += predicted.eq(batch["label"]).sum().item<long>();
                total += batch["label"].shape[0];
            }
        }
        return total == 0 ? 0 : (double)correct / total;
    }

    public void Dispose()
    {
        _train.Dispose();
        _valid.Dispose();
    }
}
