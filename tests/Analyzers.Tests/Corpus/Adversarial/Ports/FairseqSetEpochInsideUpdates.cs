// Scenario: a fairseq-style ported iterator (its own batch_sampler and set_epoch) is driven through its enumerator in update_freq groups, and set_epoch is called at the first update of the epoch, inside the iteration, so it only reaches the next epoch — wrong (CMP005).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.FairseqSetEpochInsideUpdates;

public sealed class EpochBatchIterator : IEnumerable<Dictionary<string, Tensor>>
{
    public EpochBatchIterator(InMemoryDataset dataset, IBatchSampler batch_sampler)
    {
        this.dataset = dataset;
        this.batch_sampler = batch_sampler;
    }

    public InMemoryDataset dataset { get; }
    public IBatchSampler batch_sampler { get; }
    private int _epoch;
    public int current_epoch => _epoch;

    public void set_epoch(int epoch)
    {
        _epoch = epoch;
        if (batch_sampler is IEpochAware aware) aware.SetEpoch(epoch);
    }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in batch_sampler)
            yield return dataset.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class TrainLoop
{
    public static void Train(InMemoryDataset dataset, nn.Module<Tensor, Tensor> model, int maxEpoch, int maxSentences, int updateFreq, int seed)
    {
        var epochItr = new EpochBatchIterator(dataset,
            new BatchSampler(new RandomSampler(dataset.Count, seed: seed), maxSentences, dropLast: false));
        var optimizer = optim.Adam(model.parameters(), 3e-4);

        for (int epoch = 1; epoch <= maxEpoch; epoch++)
        {
            using var itr = epochItr.GetEnumerator();
            int numUpdates = 0, inGroup = 0;
            while (itr.MoveNext())
            {
                if (numUpdates == 0 && inGroup == 0) epochItr.set_epoch(epoch - 1); //! CMP005

                using var scope = NewDisposeScope();
                var sample = itr.Current;
                var loss = nn.functional.cross_entropy(model.call(sample["net_input"]), sample["target"]) / updateFreq;
                loss.backward();
                if (++inGroup < updateFreq) continue;

                optimizer.step();
                optimizer.zero_grad();
                inGroup = 0;
                numUpdates++;
            }
            Console.WriteLine($"end of epoch {epoch} (average over {numUpdates} updates)");
        }
    }
}
