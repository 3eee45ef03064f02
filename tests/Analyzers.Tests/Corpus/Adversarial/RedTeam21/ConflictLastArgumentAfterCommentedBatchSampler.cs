// Scenario: a P×K loader written one argument per line with a comment after each, the last line a leftover `shuffle: true` next to the batch sampler: wrong - CMP006. The fix removes `shuffle`; the comment after `batchSampler: pk,` describes the argument that stays.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam21.ConflictLastArgumentAfterCommentedBatchSampler;

public static class Program
{
    public static void Main()
    {
        long[] labels = Enumerable.Range(0, 320).Select(i => (long)(i % 10)).ToArray();
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(320, 16), ["label"] = tensor(labels) });
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 3);
        using var loader = new EpochDataLoader( //! CMP006
            data,
            batchSampler: pk,   // P×K: 8 classes × 4 samples per batch
            shuffle: true);     // kept from the old config

        for (int epoch = 0; epoch < 3; epoch++)
        {
            loader.SetEpoch(epoch);
            foreach (var batch in loader) Console.WriteLine(batch["label"].shape[0]);
        }
    }
}
