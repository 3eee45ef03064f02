// Scenario: loaders are built in try blocks with PyTorch-habit arguments (batchSize and shuffle beside a batch sampler; shuffle beside a sampler) and rebuilt in catch/retry; the runtime always rejects them; wrong.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.TryCatchFallbackLoaderArgs;

public static class RobustLoaderSetup
{
    const int BatchSize = 32;

    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset labeled, IReadOnlyList<long> labels, InMemoryDataset unlabeledSet, int epochs)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 3);

        EpochDataLoader train;
        try
        {
            train = new EpochDataLoader(labeled, batchSize: BatchSize, shuffle: true, batchSampler: pk); //! CMP006 CMP006
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"loader rejected ({ex.Message}); retrying with the batch sampler alone");
            train = new EpochDataLoader(labeled, batchSampler: pk);
        }

        // Too many workers on big machines: halve until the runtime accepts it.
        EpochDataLoader? unlabeled = null;
        for (int attempt = 0; unlabeled is null; attempt++)
        {
            try
            {
                unlabeled = new EpochDataLoader(unlabeledSet, 64, true, new DistributedSampler(unlabeledSet.Count, seed: 4), workers: Environment.ProcessorCount >> attempt); //! CMP006
            }
            catch (ArgumentOutOfRangeException) when (attempt < 4)
            {
                Console.Error.WriteLine($"attempt {attempt} failed, fewer workers");
            }
        }

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            unlabeled.SetEpoch(epoch);
            foreach (var (l, u) in train.Zip(unlabeled))
            {
                optimizer.zero_grad();
                using var supervised = nn.functional.cross_entropy(model.forward(l["x"]), l["y"]);
                using var consistency = nn.functional.mse_loss(model.forward(u["x"]), model.forward(u["x_aug"]).detach());
                using var loss = supervised + consistency;
                loss.backward();
                optimizer.step();
            }
        }
        train.Dispose();
        unlabeled.Dispose();
    }
}
