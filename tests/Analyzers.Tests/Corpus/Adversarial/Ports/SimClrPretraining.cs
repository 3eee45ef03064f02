// Scenario: SimCLR contrastive pretraining ported to an async method with two loaders — the unlabeled pretraining loader (shuffle: true) and a linear-probe loader over a RandomSampler — kept in a list whose ForEach sets both epochs at the start of every epoch — correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.SimClrPretraining;

public sealed record SimClrConfig(int BatchSize = 256, int Epochs = 100, double Temperature = 0.5, double Lr = 3e-4, int Seed = 0, string LogPath = "simclr.log");

public sealed class SimClr(nn.Module<Tensor, Tensor> encoder, nn.Module<Tensor, Tensor> projector, nn.Module<Tensor, Tensor> probeHead, SimClrConfig cfg)
{
    public async Task PretrainAsync(InMemoryDataset unlabeled, InMemoryDataset labeled, CancellationToken ct = default)
    {
        var pretrain = new EpochDataLoader(unlabeled, batchSize: cfg.BatchSize, shuffle: true, dropLast: true, seed: cfg.Seed, workers: 4);
        var probe = new EpochDataLoader(labeled, batchSize: 512, sampler: new RandomSampler(labeled.Count, seed: cfg.Seed + 1));
        var loaders = new List<EpochDataLoader> { pretrain, probe };

        var optimizer = optim.Adam(encoder.parameters().Concat(projector.parameters()), cfg.Lr);
        var probeOptimizer = optim.Adam(probeHead.parameters(), 1e-3);

        for (int epoch = 0; epoch < cfg.Epochs; epoch++)
        {
            loaders.ForEach(l => l.SetEpoch(epoch));

            double ntXentSum = 0;
            foreach (var batch in pretrain)
            {
                using var scope = NewDisposeScope();
                var z1 = projector.call(encoder.call(batch["view1"]));
                var z2 = projector.call(encoder.call(batch["view2"]));
                var loss = NtXent(z1, z2, cfg.Temperature);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                ntXentSum += loss.item<float>();
            }

            // Linear evaluation on frozen features.
            foreach (var (x, y) in probe.Select(b => (b["image"], b["label"])))
            {
                using var scope = NewDisposeScope();
                Tensor features;
                using (no_grad()) features = encoder.call(x);
                var loss = nn.functional.cross_entropy(probeHead.call(features), y);
                probeOptimizer.zero_grad();
                loss.backward();
                probeOptimizer.step();
            }

            await File.AppendAllTextAsync(cfg.LogPath, $"epoch {epoch}: nt-xent {ntXentSum / pretrain.Count:F4}\n", ct);
        }
    }

    private static Tensor NtXent(Tensor z1, Tensor z2, double temperature)
    {
        var z = nn.functional.normalize(cat(new List<Tensor> { z1, z2 }), dim: 1);
        long n = z1.shape[0];
        var sim = z.matmul(z.t()) / temperature - eye(2 * n) * 1e9;
        var targets = cat(new List<Tensor> { arange(n, 2 * n), arange(0, n) });
        return nn.functional.cross_entropy(sim, targets);
    }
}
