// Scenario: a static helper class builds a P×K metric-learning loader (and also passes batchSize: 32 next to the batch sampler, which the runtime rejects) and its BeginEpoch -> Shuffle sets only loader.Sampler, merely reading loader.BatchSampler.Count — wrong, CMP006 at the creation and CMP001 in Shuffle
using Composer.Data;
using static TorchSharp.torch;

namespace Blind20.StaticHelperClassPk;

public static class PkData
{
    public static EpochDataLoader Build(InMemoryDataset data, IReadOnlyList<long> labels, int seed) =>
        new EpochDataLoader(data, batchSize: 32, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: seed)); //! CMP006

    public static void BeginEpoch(EpochDataLoader loader, int epoch)
    {
        Describe(loader, epoch);
        Shuffle(loader, epoch);
    }

    private static void Describe(EpochDataLoader loader, int epoch) =>
        Console.WriteLine($"epoch {epoch}: {loader.Count} P×K batches");

    private static void Shuffle(EpochDataLoader loader, int epoch)
    {
        long batches = loader.BatchSampler.Count;
        if (batches == 0) return;
        switch (loader.Sampler)
        {
            case IEpochAware aware:
                aware.SetEpoch(epoch); //! CMP001
                break;
        }
    }
}

public static class TripletTraining
{
    public static void Run(InMemoryDataset data, IReadOnlyList<long> labels, nn.Module<Tensor, Tensor> embedder, int epochs)
    {
        using var pk = PkData.Build(data, labels, seed: 1);
        var optimizer = optim.Adam(embedder.parameters(), lr: 1e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            PkData.BeginEpoch(pk, epoch);
            foreach (var batch in pk)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var embeddings = nn.functional.normalize(embedder.forward(batch["data"]), p: 2, dim: 1);
                var similarity = embeddings.matmul(embeddings.t());
                var same = batch["label"].unsqueeze(0).eq(batch["label"].unsqueeze(1)).to_type(ScalarType.Float32);
                var loss = nn.functional.binary_cross_entropy_with_logits(similarity * 10, same);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
