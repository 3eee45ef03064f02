// Scenario: A multi-task model round-robins over three shuffled or class-balanced EpochDataLoaders; each epoch starts with a foreach over the loader array that sets every loader's epoch, then the loaders are stepped through enumerators (negative).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace MultiTask;

public static class RoundRobin
{
    public static void Train(InMemoryDataset shapes, InMemoryDataset digits, InMemoryDataset fashion, nn.Module<Tensor, Tensor> trunk, int epochs)
    {
        long[] fashionLabels = fashion.Columns["label"].data<long>().ToArray();
        var shapesLoader = new EpochDataLoader(shapes, batchSize: 32, shuffle: true, seed: 1);
        var digitsLoader = new EpochDataLoader(digits, batchSize: 32, sampler: new RandomSampler(digits.Count, seed: 2));
        var fashionLoader = new EpochDataLoader(fashion, batchSampler: new ClassBalancedBatchSampler(fashionLabels, 8, 4, seed: 3));
        var loaders = new[] { shapesLoader, digitsLoader, fashionLoader };
        var heads = Enumerable.Range(0, loaders.Length).Select(_ => nn.Linear(128, 10)).ToArray();
        var optimizer = optim.Adam(trunk.parameters().Concat(heads.SelectMany(h => h.parameters())), lr: 1e-3);

        try
        {
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                foreach (var loader in new[] { shapesLoader, digitsLoader, fashionLoader }) loader.SetEpoch(epoch);

                var iterators = new[] { shapesLoader.GetEnumerator(), digitsLoader.GetEnumerator(), fashionLoader.GetEnumerator() };
                var active = new bool[] { true, true, true };
                while (active.Any(a => a))
                {
                    for (int task = 0; task < iterators.Length; task++)
                    {
                        if (!active[task] || !(active[task] = iterators[task].MoveNext())) continue;
                        using var scope = NewDisposeScope();
                        var batch = iterators[task].Current;
                        optimizer.zero_grad();
                        var logits = heads[task].forward(trunk.forward(batch["data"]));
                        nn.functional.cross_entropy(logits, batch["label"]).backward();
                        optimizer.step();
                    }
                }
                foreach (var iterator in iterators) iterator.Dispose();
                Console.WriteLine($"epoch {epoch} done");
            }
        }
        finally
        {
            foreach (var loader in loaders) loader.Dispose();
        }
    }
}
