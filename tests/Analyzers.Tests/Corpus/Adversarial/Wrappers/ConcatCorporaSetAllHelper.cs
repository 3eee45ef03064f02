// Scenario: a code+text language-model run concatenates two shuffling loaders (one through a RandomSampler-backed BatchSampler) and sets both through a SetAll(IEnumerable<EpochDataLoader>, epoch) helper given an array of them: correct.
using Composer.Data;
using static TorchSharp.torch;

namespace Wrappers.ConcatCorpora;

public static class CodeAndText
{
    public static void Pretrain(InMemoryDataset textSet, InMemoryDataset codeSet, Func<Dictionary<string, Tensor>, float> step, int epochs, int logEvery = 500)
    {
        using var text = new EpochDataLoader(textSet, batchSize: 16, shuffle: true, seed: 1);
        using var code = new EpochDataLoader(codeSet, batchSampler: new BatchSampler(new RandomSampler(codeSet.Count, seed: 2), 16));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            SetAll(new[] { text, code }, epoch);
            float running = 0;
            foreach (var (batch, i) in text.Concat(code).Select((b, i) => (b, i)))
            {
                running += step(batch);
                if ((i + 1) % logEvery == 0)
                {
                    Console.WriteLine($"epoch {epoch} step {i + 1}: {running / logEvery:F3}");
                    running = 0;
                }
            }
        }
    }

    private static void SetAll(IEnumerable<EpochDataLoader> loaders, int epoch)
    {
        foreach (var loader in loaders) loader.SetEpoch(epoch);
    }
}
