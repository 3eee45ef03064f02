// Scenario: a static helper class EpochPlumbing.BeginEpoch(loaders, epoch) -> SetAll, which sets every loader of the array it is given; the loop hands it new[] { train, aux } and then zips the two shuffling loaders — correct, no finding
using Composer.Data;
using Composer.Distributed;
using static TorchSharp.torch;

namespace Blind20.StaticHelperClassCorrect;

public static class EpochPlumbing
{
    public static void BeginEpoch(IReadOnlyList<EpochDataLoader> loaders, int epoch)
    {
        if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: {loaders.Count} loaders");
        SetAll(loaders, epoch);
    }

    private static void SetAll(IEnumerable<EpochDataLoader> loaders, int epoch)
    {
        foreach (var loader in loaders) loader.SetEpoch(epoch);
    }
}

public static class MultiTaskFit
{
    public static void Run(InMemoryDataset images, InMemoryDataset captions, nn.Module<Tensor, Tensor> encoder, int epochs)
    {
        using var train = new EpochDataLoader(images, batchSize: 64,
            sampler: new DistributedSampler(images.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 5));
        using var aux = new EpochDataLoader(captions, batchSize: 64, shuffle: true, seed: 6);
        var optimizer = optim.Adam(encoder.parameters(), lr: 2e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            EpochPlumbing.BeginEpoch(new[] { train, aux }, epoch);
            foreach (var (image, caption) in train.Zip(aux))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var a = encoder.forward(image["data"]);
                var b = encoder.forward(caption["data"]);
                var loss = nn.functional.mse_loss(a, b);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
