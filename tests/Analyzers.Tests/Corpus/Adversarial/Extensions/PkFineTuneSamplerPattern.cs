// Scenario: a hand-written P×K fine-tuning loop that sets the epoch through `if (pk.Sampler is IEpochAware s)` and only reads pk.BatchSampler.Count - wrong, CMP001 (the ClassBalancedBatchSampler never gets the epoch).
using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Lab.Blind17.PkSamplerOnly;

public static class MetricFineTune
{
    public static void Run(InMemoryDataset train, ComposerModel model, optim.Optimizer optimizer, int epochs)
    {
        long[] labels = train.Columns["label"].data<long>().ToArray();
        using var pk = new EpochDataLoader(train,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: 42));
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (pk.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001
            Console.WriteLine($"epoch {epoch}: {pk.BatchSampler.Count} P×K batches");
            foreach (var batch in pk)
            {
                optimizer.zero_grad();
                model.Loss(model.Forward(batch), batch).backward();
                optimizer.step();
            }
        }
    }
}
