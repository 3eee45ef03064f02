// Scenario: a P×K metric-learning loader keeps `batchSize: (int)PerDeviceBatch` (a `const long`) next to its batch sampler. Wrong: the runtime rejects a batch size other than 1 with a batch sampler, and the value is a constant (CMP006 expected on the creation).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.ConstLongBatchSizeCast;

public static class PkConfig
{
    public const long PerDeviceBatch = 64;
    public const int ClassesPerBatch = 16;
    public const int SamplesPerClass = 4;
}

public static class ProxyAnchorTraining
{
    public static void Fit(nn.Module<Tensor, Tensor> embedder, InMemoryDataset data, IReadOnlyList<long> labels, int epochs)
    {
        var pk = new ClassBalancedBatchSampler(labels, PkConfig.ClassesPerBatch, PkConfig.SamplesPerClass, seed: 5);
        using var loader = new EpochDataLoader(data, batchSize: (int)PkConfig.PerDeviceBatch, batchSampler: pk); //! CMP006
        var optimizer = optim.AdamW(embedder.parameters(), 1e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.SetEpoch(epoch);
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var embeddings = nn.functional.normalize(embedder.forward(batch["image"]), p: 2, dim: 1);
                using var similarity = embeddings.matmul(embeddings.t());
                using var same = batch["label"].unsqueeze(0).eq(batch["label"].unsqueeze(1)).to_type(ScalarType.Float32);
                using var loss = nn.functional.binary_cross_entropy_with_logits(similarity * 10.0, same);
                loss.backward();
                optimizer.step();
            }
        }
    }

    public static double RecallAtOne(nn.Module<Tensor, Tensor> embedder, Tensor images, Tensor labels)
    {
        embedder.eval();
        using var _ = no_grad();
        using var z = nn.functional.normalize(embedder.forward(images), p: 2, dim: 1);
        using var similarity = z.matmul(z.t()) - eye(z.shape[0]) * 10.0;
        using var nearest = similarity.argmax(1);
        return labels.index_select(0, nearest).eq(labels).to_type(ScalarType.Float32).mean().item<float>();
    }
}
