// Scenario: two loaders streamed through a prefetch iterator inside try/finally; the sampler-only loader (built with sampler:, no batch sampler) is set through `(loader.Sampler as IEpochAware)?.SetEpoch`, the batch-sampler loader through Epochs.SetEpoch: correct (CMP001's "every visible creation has no batch sampler").
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wrappers.PrefetchInner;

public static class Streams
{
    public static IEnumerable<Dictionary<string, Tensor>> Prefetch(IEnumerable<Dictionary<string, Tensor>> batches, Device device)
    {
        using var e = batches.GetEnumerator();
        if (!e.MoveNext()) yield break;
        var next = Move(e.Current, device);
        while (e.MoveNext())
        {
            var current = next;
            next = Move(e.Current, device);
            yield return current;
        }
        yield return next;
    }

    private static Dictionary<string, Tensor> Move(Dictionary<string, Tensor> batch, Device device) =>
        batch.ToDictionary(kv => kv.Key, kv => kv.Value.to(device));
}

public sealed class SpeechTrainer(Func<Dictionary<string, Tensor>, Tensor> loss, Device device)
{
    public void Fit(InMemoryDataset utterances, InMemoryDataset noise, IReadOnlyList<long> speakers, int epochs)
    {
        var shard = new DistributedSampler(utterances.Count, seed: 5);
        using var speech = new EpochDataLoader(utterances, batchSize: 24, sampler: shard, dropLast: true);
        using var perSpeaker = new EpochDataLoader(noise,
            batchSampler: new ClassBalancedBatchSampler(speakers, classesPerBatch: 12, samplesPerClass: 2, seed: 6));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            try
            {
                (speech.Sampler as IEpochAware)?.SetEpoch(epoch);
                Epochs.SetEpoch(perSpeaker, epoch);

                foreach (var batch in Streams.Prefetch(speech, device))
                {
                    using var scope = NewDisposeScope();
                    loss(batch).backward();
                }
                foreach (var batch in Streams.Prefetch(perSpeaker, device))
                {
                    using var scope = NewDisposeScope();
                    loss(batch).backward();
                }
            }
            finally
            {
                GC.Collect();
            }
        }
    }
}
