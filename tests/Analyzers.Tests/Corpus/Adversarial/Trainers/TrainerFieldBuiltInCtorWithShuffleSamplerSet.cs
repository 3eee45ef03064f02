// Scenario: a trainer builds its own shuffling loader (no batch sampler) in the constructor and sets the epoch on loader.Sampler each epoch: correct, the sampler is what orders the batches.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionDemo;

public sealed class FashionTrainer : IDisposable
{
    readonly EpochDataLoader _train;
    readonly EpochDataLoader _test;
    readonly Sequential _model;
    readonly optim.Optimizer _optimizer;

    public FashionTrainer(string folder, int batchSize = 128, int seed = 17)
    {
        _train = new EpochDataLoader(new FashionMnist(folder, train: true), batchSize: batchSize, shuffle: true, seed: seed, disposeDataset: true);
        _test = new EpochDataLoader(new FashionMnist(folder, train: false), batchSize: 512, disposeDataset: true);
        _model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(784, 256)),
            ("relu1", nn.ReLU()),
            ("fc2", nn.Linear(256, 128)),
            ("relu2", nn.ReLU()),
            ("fc3", nn.Linear(128, 10)));
        _optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
    }

    public double Fit(int epochs)
    {
        double accuracy = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            // the loader was built with shuffle: true and no batch sampler, so its RandomSampler decides the order
            if (_train.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch);

            _model.train();
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
            }

            _model.eval();
            long correct = 0, seen = 0;
            using (no_grad())
            {
                foreach (var batch in _test)
                {
                    using var scope = NewDisposeScope();
                    var predicted = _model.forward(batch["data"]).argmax(1);
                    correct += predicted.eq(batch["label"]).sum().item<long>();
                    seen += batch["label"].shape[0];
                }
            }
            accuracy = (double)correct / seen;
            Console.WriteLine($"epoch {epoch + 1}/{epochs}: test accuracy {accuracy:P2}");
        }
        return accuracy;
    }

    public void Dispose()
    {
        _train.Dispose();
        _test.Dispose();
        _model.Dispose();
    }
}
