// Scenario: fairseq's EpochBatchIterator ported: next_epoch_itr() advances the iterator's epoch and sets it on its batch sampler before handing out that epoch's batches, and train.py loops over those — correct.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.FairseqEpochBatchIterator;

public sealed class EpochBatchIterator : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _dataset;

    public EpochBatchIterator(InMemoryDataset dataset, int maxSentences, int seed, int epoch = 1)
    {
        _dataset = dataset;
        batch_sampler = new BatchSampler(new RandomSampler(dataset.Count, seed: seed), maxSentences);
        _epoch = epoch;
    }

    public BatchSampler batch_sampler { get; }
    private int _epoch;
    public int epoch => _epoch;
    public int next_epoch_idx => epoch + 1;
    public long Count => batch_sampler.Count;

    /// <summary>Returns the batches of the next epoch (fairseq epochs are 1-based; the sampler's are 0-based).</summary>
    public IEnumerable<Dictionary<string, Tensor>> next_epoch_itr()
    {
        _epoch = next_epoch_idx;
        batch_sampler.SetEpoch(_epoch - 1);
        return Batches();
    }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() => Batches().GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<Dictionary<string, Tensor>> Batches()
    {
        foreach (var indices in batch_sampler)
            yield return _dataset.GetBatch(indices);
    }
}

public sealed record FairseqConfig(int MaxEpoch, int MaxSentences, int Seed, double Lr, double MinLr, int UpdateFreq);

public static class FairseqTrain
{
    public static void Run(FairseqConfig cfg, InMemoryDataset train, InMemoryDataset valid, nn.Module<Tensor, Tensor> model)
    {
        var epochItr = new EpochBatchIterator(train, cfg.MaxSentences, cfg.Seed);
        var validItr = new EpochBatchIterator(valid, cfg.MaxSentences, cfg.Seed);
        var optimizer = optim.AdamW(model.parameters(), cfg.Lr);
        double lr = cfg.Lr;

        while (lr > cfg.MinLr && epochItr.next_epoch_idx <= cfg.MaxEpoch)
        {
            var itr = epochItr.next_epoch_itr();
            foreach (var (sample, i) in itr.Select((s, i) => (s, i)))
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.call(sample["source"]), sample["target"]) / cfg.UpdateFreq;
                loss.backward();
                if ((i + 1) % cfg.UpdateFreq != 0) continue;
                optimizer.step();
                optimizer.zero_grad();
            }

            double validLoss = 0;
            using (no_grad())
            {
                foreach (var sample in validItr.next_epoch_itr())
                    validLoss += nn.functional.cross_entropy(model.call(sample["source"]), sample["target"]).item<float>();
            }
            lr = Math.Max(cfg.MinLr / 2, lr * (validLoss > 1.0 ? 0.5 : 1.0));
            Console.WriteLine($"epoch {epochItr.epoch:D3} | valid loss {validLoss / validItr.Count:F3} | lr {lr:G3}");
        }
    }
}
