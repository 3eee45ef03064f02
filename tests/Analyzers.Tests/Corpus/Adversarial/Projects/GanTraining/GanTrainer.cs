using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanTraining;

public sealed class GanTrainer : IDisposable
{
    private readonly InMemoryDataset _real;
    private readonly EpochDataLoader _noise;
    private readonly int _baseSeed;
    private readonly Module<Tensor, Tensor> _generator = Sequential(Linear(8, 64), ReLU(), Linear(64, 2));
    private readonly Module<Tensor, Tensor> _discriminator = Sequential(Linear(2, 64), LeakyReLU(0.2), Linear(64, 1));
    private readonly optim.Optimizer _gOpt, _dOpt;

    public GanTrainer(InMemoryDataset real, InMemoryDataset noise, int baseSeed)
    {
        _real = real;
        _baseSeed = baseSeed;
        _noise = new EpochDataLoader(noise, batchSize: 64, sampler: new RandomSampler(noise.Count, seed: baseSeed));
        _gOpt = optim.Adam(_generator.parameters(), 2e-4, beta1: 0.5);
        _dOpt = optim.Adam(_discriminator.parameters(), 2e-4, beta1: 0.5);
    }

    public double LastGeneratorLoss { get; private set; } = double.NaN;

    public async Task FitAsync(int epochs, CancellationToken ct = default)
    {
        int epoch = 0;
        while (epoch < epochs)
        {
            ct.ThrowIfCancellationRequested();
            using var real = new DataLoader(_real, 64, shuffle: true, seed: _baseSeed + epoch, disposeDataset: false);
            _noise.SetEpoch(epoch);
            foreach (var (x, z) in real.Zip(_noise))
            {
                using var scope = NewDisposeScope();
                DiscriminatorStep(x["data"], z["data"]);
                LastGeneratorLoss = GeneratorStep(z["data"]);
            }
            await Task.Yield();
            epoch++;
        }
    }

    public void PretrainDiscriminator(int steps, long resumeFrom)
    {
        for (int step = 0; step < steps; step++)
        {
            foreach (var z in _noise.IterateFrom(step == 0 ? resumeFrom : 0)) //! CMP002 field built in this file with a RandomSampler; never set
            {
                using var scope = NewDisposeScope();
                using var fake = _generator.call(z["data"]).detach();
                DiscriminatorStep(fake + 3f, fake);
            }
        }
    }

    public void FitCritic(InMemoryDataset critic, int epochs)
    {
        var shard = new DistributedSampler(critic.Count, numReplicas: 1, rank: 0, seed: _baseSeed);
        using var loader = new EpochDataLoader(critic, batchSampler: new BatchSampler(shard, 32));
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var it = loader.GetEnumerator();
            var first = true;
            while (it.MoveNext())
            {
                if (first) { shard.SetEpoch(epoch); first = false; } //! CMP005 shard feeds loader; set inside its MoveNext loop
                using var scope = NewDisposeScope();
                var batch = it.Current["data"];
                DiscriminatorStep(batch, _generator.call(randn(batch.shape[0], 8)).detach());
            }
        }
    }

    private void DiscriminatorStep(Tensor real, Tensor fake)
    {
        _dOpt.zero_grad();
        var lossReal = functional.binary_cross_entropy_with_logits(_discriminator.call(real), ones(real.shape[0], 1));
        var lossFake = functional.binary_cross_entropy_with_logits(_discriminator.call(fake), zeros(fake.shape[0], 1));
        (lossReal + lossFake).backward();
        _dOpt.step();
    }

    private double GeneratorStep(Tensor z)
    {
        _gOpt.zero_grad();
        var fake = _generator.call(z);
        var loss = functional.binary_cross_entropy_with_logits(_discriminator.call(fake), ones(z.shape[0], 1));
        loss.backward();
        _gOpt.step();
        return loss.item<float>();
    }

    public void Dispose()
    {
        _noise.Dispose();
        _generator.Dispose();
        _discriminator.Dispose();
    }
}
