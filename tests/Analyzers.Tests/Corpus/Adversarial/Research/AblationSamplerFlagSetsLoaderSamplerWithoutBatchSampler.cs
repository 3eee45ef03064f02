// Scenario: ablation config choosing between a DistributedSampler and plain shuffling (shuffle: sampler is null, not a constant); no creation passes a batch sampler, so setting the epoch through loader.Sampler is right
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Lab.Ablations;

public sealed record AblationConfig(string Name, bool UseDistributedSampler, bool UseBatchNorm, int BatchSize, int Seed, int Epochs);

public static class SamplerAblation
{
    public static void Main()
    {
        var configs = new[]
        {
            new AblationConfig("baseline", UseDistributedSampler: false, UseBatchNorm: true, BatchSize: 128, Seed: 1, Epochs: 10),
            new AblationConfig("ddp-sampler", UseDistributedSampler: true, UseBatchNorm: true, BatchSize: 128, Seed: 1, Epochs: 10),
            new AblationConfig("no-bn", UseDistributedSampler: false, UseBatchNorm: false, BatchSize: 128, Seed: 1, Epochs: 10),
        };

        using var train = new FashionMnist(train: true);
        foreach (var cfg in configs)
            Console.WriteLine($"{cfg.Name,-12} final loss {Run(cfg, train):F4}");
    }

    static double Run(AblationConfig cfg, FashionMnist train)
    {
        Reproducibility.SeedAll(cfg.Seed);
        ISampler? sampler = cfg.UseDistributedSampler ? new DistributedSampler(train.Count, seed: cfg.Seed) : null;
        var loader = new EpochDataLoader(train, batchSize: cfg.BatchSize, shuffle: sampler is null, sampler: sampler, seed: cfg.Seed);

        var layers = new List<(string, Module<Tensor, Tensor>)> { ("flat", Flatten()), ("fc1", Linear(784, 256)) };
        if (cfg.UseBatchNorm) layers.Add(("bn", BatchNorm1d(256)));
        layers.Add(("relu", ReLU()));
        layers.Add(("fc2", Linear(256, 10)));
        var model = Sequential(layers);
        var opt = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

        double last = 0;
        for (int epoch = 0; epoch < cfg.Epochs; epoch++)
        {
            // both branches shuffle through loader.Sampler (RandomSampler or DistributedSampler)
            if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch);

            model.train();
            double sum = 0; int n = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                opt.zero_grad();
                loss.backward();
                opt.step();
                sum += loss.item<float>(); n++;
            }
            last = sum / n;
        }
        return last;
    }
}
