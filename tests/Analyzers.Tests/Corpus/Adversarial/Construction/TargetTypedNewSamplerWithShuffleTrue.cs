// Scenario: A trainer declares EpochDataLoader fields and fills them with target-typed new(...), passing both a RandomSampler and shuffle: true to the train loader; the runtime rejects shuffle with a sampler (bug: CMP006), the sampler's epoch is set each epoch.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace TargetTyped;

public sealed class AutoTrainer : IDisposable
{
    readonly RandomSampler _sampler;
    readonly EpochDataLoader _train;
    readonly EpochDataLoader _eval;
    readonly nn.Module<Tensor, Tensor> _model;

    public AutoTrainer(InMemoryDataset trainSet, InMemoryDataset evalSet)
    {
        _sampler = new RandomSampler(trainSet.Count, seed: 123);
        _train = new(trainSet, 64, shuffle: true, sampler: _sampler); //! CMP006
        _eval = new(evalSet, 256);
        _model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(784, 128)),
            ("act", nn.Mish()),
            ("fc2", nn.Linear(128, 10)));
    }

    public void Fit(int epochs)
    {
        var optimizer = optim.Adamax(_model.parameters(), lr: 2e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _sampler.SetEpoch(epoch);
            _model.train();
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]).backward();
                optimizer.step();
            }

            _model.eval();
            long correct = 0, seen = 0;
            using (no_grad())
            {
                foreach (var batch in _eval)
                {
                    using var scope = NewDisposeScope();
                    correct += _model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                    seen += batch["label"].shape[0];
                }
            }
            Console.WriteLine($"epoch {epoch}: {(double)correct / seen:P2}");
        }
    }

    public void Dispose()
    {
        _train.Dispose();
        _eval.Dispose();
    }
}
