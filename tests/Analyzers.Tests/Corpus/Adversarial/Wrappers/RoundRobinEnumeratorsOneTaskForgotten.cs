// Scenario: multi-task round-robin over two shuffling loaders through their enumerators; the classification loader's epoch is set by a helper, the NER loader's is forgotten: a bug on the NER GetEnumerator().
using Composer.Data;
using static TorchSharp.torch;

namespace Wrappers.RoundRobin;

public sealed class MultiTaskFineTuner
{
    private readonly Dictionary<string, Action<Dictionary<string, Tensor>>> _heads;

    public MultiTaskFineTuner(Dictionary<string, Action<Dictionary<string, Tensor>>> heads) => _heads = heads;

    public void Train(InMemoryDataset clsSet, InMemoryDataset nerSet, int epochs)
    {
        using var cls = new EpochDataLoader(clsSet, batchSize: 32, shuffle: true, seed: 1);
        using var ner = new EpochDataLoader(nerSet, batchSize: 16, shuffle: true, seed: 7);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            BeginEpoch(cls, epoch);
            using var clsBatches = cls.GetEnumerator();
            using var nerBatches = ner.GetEnumerator(); //! CMP002
            var active = new List<(string Task, IEnumerator<Dictionary<string, Tensor>> Batches)>
            {
                ("cls", clsBatches),
                ("ner", nerBatches),
            };

            int steps = 0;
            while (active.Count > 0)
            {
                for (int i = 0; i < active.Count; )
                {
                    var (task, batches) = active[i];
                    if (!batches.MoveNext())
                    {
                        active.RemoveAt(i);
                        continue;
                    }
                    _heads[task](batches.Current);
                    steps++;
                    i++;
                }
            }
            Console.WriteLine($"epoch {epoch}: {steps} steps");
        }
    }

    private static void BeginEpoch(EpochDataLoader loader, int epoch) => loader.SetEpoch(epoch);
}
