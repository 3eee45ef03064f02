// Scenario: a trainer's constructor "primes" the shuffled loader by storing its setter in a local and calling it once (`Action<int> reset = _train.SetEpoch; reset(0);`), and nothing else ever sets the epoch, so every epoch of Fit replays epoch 0's order — wrong, CMP002 on the iteration (the page: a setter "set once in a constructor … does not count for the loop"; the local delegate is called right there, never handed on) (relabelled 2026-12-07 after scoring: a setter's method group stored in a local counts as handed on wherever that local is called, a limit on the rules page; no finding by the page)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam18.CtorResetsThroughActionLocal;

public sealed class DenoisingTrainer : IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _autoencoder =
        nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 784), nn.Sigmoid());
    private readonly double _noise;

    public DenoisingTrainer(InMemoryDataset images, int startEpoch, double noise = 0.3)
    {
        _train = new EpochDataLoader(images, batchSize: 256, shuffle: true, seed: 12, dropLast: true);
        _noise = noise;

        Action<int> reset = _train.SetEpoch;
        reset(startEpoch);
    }

    public void Fit(int startEpoch, int epochs)
    {
        using var optimizer = optim.Adam(_autoencoder.parameters(), lr: 1e-3);
        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            double total = 0;
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                var clean = batch["data"];
                var noisy = (clean + torch.randn_like(clean) * _noise).clamp(0, 1);
                var loss = nn.functional.binary_cross_entropy(_autoencoder.forward(noisy), clean);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: {total / _train.Count:F4}");
        }
    }

    public void Dispose()
    {
        _train.Dispose();
        _autoencoder.Dispose();
    }
}
