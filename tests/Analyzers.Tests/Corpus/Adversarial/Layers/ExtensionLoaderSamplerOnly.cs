// Scenario: an extension method loader.StartEpoch(epoch) sets (loader.Sampler as IEpochAware)?.SetEpoch — fine for shuffle-built loaders, but the P×K loader this code passes it draws from a ClassBalancedBatchSampler, and inside the extension the loader is a parameter — wrong, CMP001 in the extension; the sequential gallery loader needs nothing
using Composer.Data;
using static TorchSharp.torch;

namespace Blind20.ExtensionLoaderSamplerOnly;

public static class LoaderEpochExtensions
{
    public static void StartEpoch(this EpochDataLoader loader, int epoch)
    {
        (loader.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
    }

    public static long BatchesLeft(this EpochDataLoader loader, long done) => Math.Max(0, loader.Count - done);
}

public sealed class RetrievalTrainer(nn.Module<Tensor, Tensor> embedder, int epochs)
{
    public void Fit(InMemoryDataset data, IReadOnlyList<long> labels, InMemoryDataset gallery)
    {
        using var train = new EpochDataLoader(data,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: 11));
        using var galleryLoader = new EpochDataLoader(gallery, batchSize: 256);
        var optimizer = optim.Adam(embedder.parameters(), lr: 1e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.StartEpoch(epoch);
            long done = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var z = embedder.forward(batch["data"]);
                var loss = z.pow(2).mean();
                loss.backward();
                optimizer.step();
                if (++done % 100 == 0) Console.WriteLine($"{train.BatchesLeft(done)} batches left");
            }
            long indexed = 0;
            foreach (var batch in galleryLoader) indexed += batch["data"].shape[0];
            Console.WriteLine($"epoch {epoch}: indexed {indexed} gallery images");
        }
    }
}
