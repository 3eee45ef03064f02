// Scenario: a trainer builds its loader in the constructor from a ClassBalancedBatchSampler and its OnEpochStart callback sets the epoch through an alias of loader.Sampler: a bug.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Hooks.Balanced;

public sealed class BalancedTrainer
{
    readonly EpochDataLoader _train;
    readonly nn.Module<Tensor, Tensor> _model;
    readonly optim.Optimizer _optimizer;

    public BalancedTrainer(InMemoryDataset data, nn.Module<Tensor, Tensor> model)
    {
        var labels = data.Columns["label"].data<long>().ToArray();
        _train = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 4, samplesPerClass: 16, seed: 21));
        _model = model;
        _optimizer = optim.SGD(model.parameters(), learningRate: 0.05);
    }

    public void OnEpochStart(int epoch)
    {
        var sampler = _train.Sampler as IEpochAware;
        sampler?.SetEpoch(epoch); //! CMP001
        Console.WriteLine($"epoch {epoch}: {_train.Count} balanced batches");
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            OnEpochStart(epoch);
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
            }
        }
    }
}
