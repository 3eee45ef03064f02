// Scenario: Program nests a Trainer class that builds its own EpochDataLoader in its constructor with batchSize and a RandomSampler (no batch sampler) and reshuffles through ((RandomSampler)_train.Sampler); correct: the loader's BatchSampler wraps that very sampler.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.NestedOwn;

public static class Program
{
    public static void Main()
    {
        var data = new FashionMnist(train: true);
        var model = Sequential(("flat", Flatten()), ("fc", Linear(784, 10)));
        using var trainer = new Trainer(model, data, seed: 7);
        trainer.Fit(epochs: 10);
    }

    private sealed class Trainer : IDisposable
    {
        private readonly Module<Tensor, Tensor> _model;
        private readonly EpochDataLoader _train;
        private readonly optim.Optimizer _optimizer;
        private readonly Loss<Tensor, Tensor, Tensor> _loss = CrossEntropyLoss();

        public Trainer(Module<Tensor, Tensor> model, FashionMnist data, int seed)
        {
            _model = model;
            _train = new EpochDataLoader(data, batchSize: 64, sampler: new RandomSampler(data.Count, seed: seed));
            _optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9);
        }

        public void Fit(int epochs)
        {
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                ((RandomSampler)_train.Sampler).SetEpoch(epoch);
                _model.train();
                int step = 0;
                foreach (var batch in _train)
                {
                    using var scope = NewDisposeScope();
                    _optimizer.zero_grad();
                    var loss = _loss.call(_model.call(batch["data"]), batch["label"]);
                    loss.backward();
                    _optimizer.step();
                    if (++step % 100 == 0)
                        Console.WriteLine($"epoch {epoch} step {step}: {loss.ToSingle():F4}");
                }
            }
        }

        public void Dispose() => _train.Dispose();
    }
}
