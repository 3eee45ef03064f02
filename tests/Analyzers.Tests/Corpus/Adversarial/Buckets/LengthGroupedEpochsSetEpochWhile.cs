// Scenario: HuggingFace group_by_length ported as a batch sampler; a while loop with an epoch counter calls Epochs.SetEpoch(train, epoch) before iterating — right: the helper reaches the batch sampler. No diagnostic.
using Composer.Data;
using static TorchSharp.torch;

namespace Glue.FineTune;

public sealed class LengthGroupedBatchSampler : IBatchSampler, IEpochAware
{
    private readonly IReadOnlyList<int> _lengths;
    private readonly int _batchSize;
    private readonly int _seed;
    private int _epoch;

    public LengthGroupedBatchSampler(IReadOnlyList<int> lengths, int batchSize, int seed)
    {
        _lengths = lengths;
        _batchSize = batchSize;
        _seed = seed;
    }

    public long Count => (_lengths.Count + _batchSize - 1) / _batchSize;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long[]> GetEnumerator()
    {
        // torch.randperm(len(lengths), generator=g) with g seeded from seed + epoch, then megabatches of 50 batches.
        using var g = new Generator((ulong)(_seed + _epoch));
        long[] perm = randperm(_lengths.Count, generator: g).data<long>().ToArray();
        foreach (var megabatch in perm.Chunk(50 * _batchSize))
        {
            foreach (var batch in megabatch.OrderByDescending(i => _lengths[(int)i]).Chunk(_batchSize))
                yield return batch;
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class GlueRunner
{
    private readonly nn.Module<Tensor, Tensor> _classifier;
    private readonly optim.Optimizer _optimizer;
    private readonly int _numTrainEpochs;

    public GlueRunner(nn.Module<Tensor, Tensor> classifier, int numTrainEpochs)
    {
        _classifier = classifier;
        _optimizer = optim.AdamW(classifier.parameters(), lr: 2e-5, weight_decay: 0.01);
        _numTrainEpochs = numTrainEpochs;
    }

    public float Train(InMemoryDataset dataset, IReadOnlyList<int> inputLengths)
    {
        using var train = new EpochDataLoader(dataset,
            batchSampler: new LengthGroupedBatchSampler(inputLengths, batchSize: 32, seed: 42));
        float lastLoss = float.NaN;
        int epoch = 0;
        while (epoch < _numTrainEpochs)
        {
            Epochs.SetEpoch(train, epoch);
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_classifier.call(batch["input_ids"]), batch["labels"]);
                loss.backward();
                _optimizer.step();
                lastLoss = loss.item<float>();
            }
            epoch++;
        }
        return lastLoss;
    }
}
