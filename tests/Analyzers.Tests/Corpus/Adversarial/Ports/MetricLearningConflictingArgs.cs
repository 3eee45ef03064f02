// Scenario: pytorch-metric-learning's MPerClassSampler ported as the user's own epoch-aware sampler; translating `DataLoader(..., sampler=sampler, shuffle=True)` keeps shuffle next to the sampler, and a positional hard-negative mining loader passes batch size 64 next to a P×K batch sampler; both are rejected at construction — wrong (CMP006 on each creation). Epochs are set correctly.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.MetricLearningConflictingArgs;

/// <summary>pytorch_metric_learning.samplers.MPerClassSampler: m samples of each class in turn, reshuffled per epoch.</summary>
public sealed class MPerClassSampler : ISampler
{
    private readonly Dictionary<long, long[]> _byClass;
    private readonly int _m;
    private readonly int _seed;
    private int _epoch;

    public MPerClassSampler(IReadOnlyList<long> labels, int m, long lengthBeforeNewIter = 100_000, int seed = 0)
    {
        _byClass = labels.Select((label, index) => (label, index: (long)index))
            .GroupBy(p => p.label).ToDictionary(g => g.Key, g => g.Select(p => p.index).ToArray());
        _m = m;
        _seed = seed;
        Count = lengthBeforeNewIter / (m * _byClass.Count) * (m * _byClass.Count);
    }

    public long Count { get; }

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long> GetEnumerator()
    {
        var rng = new Random(HashCode.Combine(_seed, _epoch));
        var classes = _byClass.Keys.ToArray();
        for (long produced = 0; produced < Count;)
        {
            rng.Shuffle(classes);
            foreach (var c in classes)
                for (int j = 0; j < _m && produced < Count; j++, produced++)
                    yield return _byClass[c][rng.Next(_byClass[c].Length)];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class MetricTrainer
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _mining;

    public MetricTrainer(InMemoryDataset trainSet, IReadOnlyList<long> labels, int m = 4, int seed = 0)
    {
        var mPerClass = new MPerClassSampler(labels, m, seed: seed);
        _train = new EpochDataLoader(trainSet, batchSize: 32, shuffle: true, sampler: mPerClass, dropLast: true); //! CMP006
        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: m, seed: seed + 1);
        _mining = new EpochDataLoader(trainSet, 64, false, null, pk); //! CMP006
    }

    public void Train(nn.Module<Tensor, Tensor> trunk, int epochs)
    {
        var optimizer = optim.Adam(trunk.parameters(), 1e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _train.SetEpoch(epoch);
            _mining.SetEpoch(epoch);

            var batchNorms = new List<Tensor>();
            using (no_grad())
            {
                foreach (var batch in _mining)
                    batchNorms.Add(nn.functional.normalize(trunk.call(batch["image"]), dim: 1).norm(1));
            }

            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                var emb = nn.functional.normalize(trunk.call(batch["image"]), dim: 1);
                var sim = emb.matmul(emb.t());
                var same = batch["label"].unsqueeze(0).eq(batch["label"].unsqueeze(1)).to_type(ScalarType.Float32);
                var loss = ((1 - sim) * same + nn.functional.relu(sim - 0.5) * (1 - same)).mean();
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: scored {batchNorms.Count} mining batches");
        }
    }
}
