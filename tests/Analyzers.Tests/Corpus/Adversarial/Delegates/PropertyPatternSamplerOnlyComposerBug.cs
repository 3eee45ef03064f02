// Scenario: Composer's reshuffle bug written with property patterns: `loader is { Sampler: IEpochAware s }` in a callback whose loader comes from outside, and `case { Sampler: IEpochAware s }:` in a loop over a loader built with a distributed batch sampler; both set only the SequentialSampler (wrong, twice).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind11.PropertyPatternSamplerOnlyComposerBug;

public sealed class ReshuffleOnEpochStart(EpochDataLoader trainLoader)
{
    public void OnEpochStart(int epoch)
    {
        if (trainLoader is { Sampler: IEpochAware sampler }) sampler.SetEpoch(epoch); //! CMP001
    }
}

public static class Program
{
    public static void Main()
    {
        const int rank = 0, worldSize = 2;
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(4096, 20),
            ["label"] = randint(0, 2, new long[] { 4096 }),
        });
        using var loader = new EpochDataLoader(data,
            batchSampler: new BatchSampler(new DistributedSampler(data.Count, numReplicas: worldSize, rank: rank, seed: 11), 32));

        var model = nn.Sequential(nn.Linear(20, 32), nn.Tanh(), nn.Linear(32, 2));
        var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

        for (int epoch = 0; epoch < 8; epoch++)
        {
            switch (loader)
            {
                case { Sampler: IEpochAware s }:
                    s.SetEpoch(epoch); //! CMP001
                    break;
            }

            double total = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"rank {rank} epoch {epoch}: loss {total / loader.Count:F4}");
        }
    }
}
