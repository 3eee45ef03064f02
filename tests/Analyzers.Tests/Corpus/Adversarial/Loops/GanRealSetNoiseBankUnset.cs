// Scenario: a GAN loop sets the real-image loader's epoch but draws latents from a RandomSampler-backed loader whose epoch is never set: bug on the latent loader.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Gan;

public sealed class GanTrainer : IDisposable
{
    private readonly EpochDataLoader _real;
    private readonly EpochDataLoader _latents;
    private readonly nn.Module<Tensor, Tensor> _generator;
    private readonly nn.Module<Tensor, Tensor> _critic;

    public GanTrainer(InMemoryDataset images, InMemoryDataset latentBank)
    {
        _real = new EpochDataLoader(images, batchSize: 64, shuffle: true, seed: 1, dropLast: true);
        _latents = new EpochDataLoader(latentBank, batchSize: 64, sampler: new RandomSampler(latentBank.Count, seed: 2), dropLast: true);
        _generator = nn.Sequential(("fc1", nn.Linear(100, 512)), ("relu", nn.ReLU()), ("fc2", nn.Linear(512, 784)), ("tanh", nn.Tanh()));
        _critic = nn.Sequential(("fc1", nn.Linear(784, 512)), ("lrelu", nn.LeakyReLU(0.2)), ("fc2", nn.Linear(512, 1)));
    }

    public void Train(int epochs, int criticSteps)
    {
        var optG = optim.RMSProp(_generator.parameters(), lr: 5e-5);
        var optC = optim.RMSProp(_critic.parameters(), lr: 5e-5);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _real.SetEpoch(epoch);
            using var z = _latents.GetEnumerator(); //! CMP002
            int i = 0;
            foreach (var batch in _real)
            {
                if (!z.MoveNext()) break;
                using var x = batch["data"].flatten(1);
                optC.zero_grad();
                using var lossC = _critic.forward(_generator.forward(z.Current["z"]).detach()).mean() - _critic.forward(x).mean();
                lossC.backward();
                optC.step();
                using (torch.no_grad())
                {
                    foreach (var p in _critic.parameters()) p.clamp_(-0.01, 0.01);
                }
                if (++i % criticSteps != 0) continue;

                optG.zero_grad();
                using var lossG = -_critic.forward(_generator.forward(z.Current["z"])).mean();
                lossG.backward();
                optG.step();
            }
        }
    }

    public void Dispose()
    {
        _real.Dispose();
        _latents.Dispose();
    }
}
