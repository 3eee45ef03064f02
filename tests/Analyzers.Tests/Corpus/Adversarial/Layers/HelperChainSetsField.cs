// Scenario: a trainer tells its shuffling train loader the epoch through BeginEpoch -> PrepareData -> Reseed, the last of which sets the field; the eval loader does not shuffle — correct, no finding
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind20.HelperChainSetsField;

public sealed class ClassifierTrainer : IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _eval;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private int _currentEpoch = -1;

    public ClassifierTrainer(InMemoryDataset trainSet, InMemoryDataset evalSet, int seed)
    {
        _train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: seed, dropLast: true);
        _eval = new EpochDataLoader(evalSet, batchSize: 256);
        _model = nn.Sequential(nn.Flatten(), nn.Linear(784, 10));
        _optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            BeginEpoch(epoch);
            _model.train();
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                loss.backward();
                _optimizer.step();
            }
            Console.WriteLine($"epoch {_currentEpoch}: accuracy {Evaluate():F3}");
        }
    }

    private void BeginEpoch(int epoch)
    {
        _currentEpoch = epoch;
        PrepareData(epoch);
    }

    private void PrepareData(int epoch)
    {
        if (epoch > 0) Console.WriteLine($"reshuffling {_train.Count} batches");
        Reseed(epoch);
    }

    private void Reseed(int epoch) => _train.SetEpoch(epoch);

    private double Evaluate()
    {
        _model.eval();
        using var noGrad = torch.no_grad();
        long correct = 0, seen = 0;
        foreach (var batch in _eval)
        {
            var predicted = _model.forward(batch["data"]).argmax(1);
            correct += predicted.eq(batch["label"]).sum().item<long>();
            seen += batch["label"].shape[0];
        }
        return seen == 0 ? 0 : (double)correct / seen;
    }

    public void Dispose()
    {
        _train.Dispose();
        _eval.Dispose();
        _model.Dispose();
    }
}
