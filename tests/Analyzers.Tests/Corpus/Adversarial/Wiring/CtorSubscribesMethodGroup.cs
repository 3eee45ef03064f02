// Scenario: a SimCLR-style trainer subscribes _train.SetEpoch to its own EpochStarting event in the constructor and Fit raises the event before iterating the shuffled loader — correct, no finding (labelled CMP002 by the page's limit of the day, relabelled 2026-12-07 when a setter a constructor or method of the type hands on began to count)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.CtorSubscribesMethodGroup;

public sealed class ContrastivePretrainer : IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _encoder;
    private readonly optim.Optimizer _optimizer;
    private readonly double _temperature;

    public event Action<int>? EpochStarting;

    public ContrastivePretrainer(InMemoryDataset images, int seed, double temperature = 0.5)
    {
        _train = new EpochDataLoader(images, batchSize: 256, shuffle: true, seed: seed, dropLast: true);
        _encoder = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 64));
        _optimizer = optim.SGD(_encoder.parameters(), learningRate: 0.3, momentum: 0.9);
        _temperature = temperature;

        // Same as Lightning's `self.trainer.train_dataloader.sampler.set_epoch` hook, wired once.
        EpochStarting += _train.SetEpoch;
        EpochStarting += epoch => Console.WriteLine($"[simclr] epoch {epoch} starts");
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochStarting?.Invoke(epoch);
            _encoder.train();
            double total = 0;
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                var x = batch["data"];
                var z1 = nn.functional.normalize(_encoder.forward(x + 0.05 * torch.randn_like(x)), dim: 1);
                var z2 = nn.functional.normalize(_encoder.forward(x + 0.05 * torch.randn_like(x)), dim: 1);
                var logits = z1.matmul(z2.t()) / _temperature;
                var targets = torch.arange(logits.shape[0], dtype: ScalarType.Int64);
                var loss = nn.functional.cross_entropy(logits, targets);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: contrastive loss {total / Math.Max(1, _train.Count):F4}");
        }
    }

    public void Dispose()
    {
        _train.Dispose();
        _encoder.Dispose();
        _optimizer.Dispose();
    }
}
