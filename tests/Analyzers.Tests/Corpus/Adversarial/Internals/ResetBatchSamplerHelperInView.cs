// Scenario: a loader arrives as a parameter; the loop sets its Sampler's epoch and hands its BatchSampler to a helper in the same file that sets the batch sampler's epoch; right (a method in view that sets the parameter receiving it handles it).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.ResetBatchSamplerHelperInView;

public static class EpochParts
{
    public static void Reset(IBatchSampler batches, int epoch)
    {
        if (batches is IEpochAware aware) aware.SetEpoch(epoch);
    }
}

public sealed class MetricLearningTrainer
{
    private readonly nn.Module<Tensor, Tensor> _embedder;
    private readonly optim.Optimizer _optimizer;

    public MetricLearningTrainer(nn.Module<Tensor, Tensor> embedder)
    {
        _embedder = embedder;
        _optimizer = optim.Adam(embedder.parameters(), 1e-4);
    }

    public void Fit(EpochDataLoader loader, int epochs, double margin)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            ((IEpochAware)loader.Sampler).SetEpoch(epoch);
            EpochParts.Reset(loader.BatchSampler, epoch);
            _embedder.train();
            foreach (var batch in loader)
            {
                _optimizer.zero_grad();
                using var embeddings = nn.functional.normalize(_embedder.forward(batch["image"]), p: 2, dim: 1);
                using var distances = cdist(embeddings, embeddings);
                using var same = batch["label"].unsqueeze(0).eq(batch["label"].unsqueeze(1));
                using var positive = (distances * same).max(1).values;
                using var negative = (distances + same * 1e6).min(1).values;
                using var loss = nn.functional.relu(positive - negative + margin).mean();
                loss.backward();
                _optimizer.step();
            }
        }
    }
}
