// Scenario: a user's extension method SetSamplerEpoch(this EpochDataLoader, int) sets only the Sampler's epoch of whatever loader it is handed; the trainer passes it a loader built from a BatchSampler over a DistributedSampler (bug in the extension).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArcFace;

public static class LoaderEpochExtensions
{
    public static void SetSamplerEpoch(this EpochDataLoader loader, int epoch)
    {
        if (loader.Sampler is IEpochAware aware)
            aware.SetEpoch(epoch); //! CMP001
    }
}

public sealed class FaceTrainer(InMemoryDataset faces, int embeddingDim = 128)
{
    private EpochDataLoader? _train;

    private EpochDataLoader Train => _train ??= new EpochDataLoader(
        faces,
        batchSampler: new BatchSampler(new DistributedSampler(faces.Count, Dist.WorldSize, Dist.Rank, seed: 31), 64, dropLast: true));

    private readonly Sequential _backbone = nn.Sequential(
        ("fc1", nn.Linear(512, 256)),
        ("prelu", nn.PReLU(256)),
        ("fc2", nn.Linear(256, embeddingDim)));

    public void Fit(int epochs)
    {
        var head = nn.Linear(embeddingDim, 1000, hasBias: false);
        var optimizer = optim.SGD(_backbone.parameters().Concat(head.parameters()), learningRate: 0.1, momentum: 0.9, weight_decay: 5e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Train.SetSamplerEpoch(epoch);
            foreach (var batch in Train)
            {
                optimizer.zero_grad();
                using var emb = nn.functional.normalize(_backbone.call(batch["data"]), dim: 1);
                using var logits = head.call(emb) * 30.0;
                using var loss = nn.functional.cross_entropy(logits, batch["label"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
