// Scenario: continual metric learning over a sequence of tasks; each task gets a P×K loader (ClassBalancedBatchSampler) and the epoch is set on loader.Sampler only, which is a SequentialSampler there: wrong (CMP001).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.Continual;

public sealed record TaskSplit(string Name, InMemoryDataset Data, long[] Labels, int Epochs);

public sealed class ContinualEmbeddingTrainer
{
    private readonly nn.Module<Tensor, Tensor> _encoder;
    private readonly float _margin;

    public ContinualEmbeddingTrainer(nn.Module<Tensor, Tensor> encoder, float margin = 0.2f)
    {
        _encoder = encoder;
        _margin = margin;
    }

    public void Fit(IReadOnlyList<TaskSplit> tasks)
    {
        using var optimizer = optim.AdamW(_encoder.parameters(), 3e-4);
        foreach (var task in tasks)
        {
            using var loader = new EpochDataLoader(task.Data,
                batchSampler: new ClassBalancedBatchSampler(task.Labels, classesPerBatch: 8, samplesPerClass: 4, seed: 11));

            for (int epoch = 0; epoch < task.Epochs; epoch++)
            {
                // ported from the Composer callback: "reshuffle the sampler"
                if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001

                foreach (var batch in loader)
                {
                    optimizer.zero_grad();
                    using var emb = nn.functional.normalize(_encoder.call(batch["data"]), p: 2, dim: 1);
                    using var loss = BatchHardTriplet(emb, batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
            }
            Console.WriteLine($"finished task {task.Name}");
        }
    }

    private Tensor BatchHardTriplet(Tensor emb, Tensor labels)
    {
        using var dist = cdist(emb, emb);
        using var same = labels.unsqueeze(1).eq(labels.unsqueeze(0));
        using var hardestPos = dist.masked_fill(same.logical_not(), 0).max(1).values;
        using var hardestNeg = dist.masked_fill(same, float.PositiveInfinity).min(1).values;
        return nn.functional.relu(hardestPos - hardestNeg + _margin).mean();
    }
}
