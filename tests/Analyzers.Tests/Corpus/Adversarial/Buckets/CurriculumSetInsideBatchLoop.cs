// Scenario: a curriculum batch sampler (easy examples first, competence grows with the epoch) whose epoch the user sets at the first step of the enumerator loop — wrong: the order was fixed when the enumeration began, so each epoch runs one epoch late (CMP005).
using Composer.Data;
using static TorchSharp.torch;

namespace Curriculum;

/// <summary>Competence-based curriculum (Platanios et al.): epoch e draws batches from the easiest c(e) fraction.</summary>
public sealed class CurriculumBatchSampler : IBatchSampler, IEpochAware
{
    private readonly long[] _byDifficulty;
    private readonly int _batchSize;
    private readonly int _rampEpochs;
    private readonly int _seed;
    private int _epoch;

    public CurriculumBatchSampler(IReadOnlyList<float> difficulty, int batchSize, int rampEpochs = 5, int seed = 0)
    {
        _byDifficulty = Enumerable.Range(0, difficulty.Count).OrderBy(i => difficulty[i]).Select(i => (long)i).ToArray();
        _batchSize = batchSize;
        _rampEpochs = rampEpochs;
        _seed = seed;
    }

    private int Available => (int)Math.Ceiling(_byDifficulty.Length * Math.Min(1.0, Math.Sqrt((_epoch + 1.0) / _rampEpochs)));

    public long Count => (Available + _batchSize - 1) / _batchSize;

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long[]> GetEnumerator()
    {
        var pool = _byDifficulty.Take(Available).ToArray();
        new Random(_seed * 7919 + _epoch).Shuffle(pool);
        return pool.Chunk(_batchSize).GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class CurriculumRunner
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public CurriculumRunner(nn.Module<Tensor, Tensor> model)
    {
        _model = model;
        _optimizer = optim.Adam(model.parameters(), 1e-3);
    }

    public void Run(InMemoryDataset data, float[] difficulty, int epochs)
    {
        var curriculum = new CurriculumBatchSampler(difficulty, batchSize: 32, rampEpochs: epochs / 2, seed: 17);
        using var loader = new EpochDataLoader(data, batchSampler: curriculum);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var it = loader.GetEnumerator();
            int step = 0;
            while (it.MoveNext())
            {
                if (step == 0)
                    curriculum.SetEpoch(epoch); //! CMP005
                var batch = it.Current;
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.mse_loss(_model.call(batch["data"]), batch["target"]);
                loss.backward();
                _optimizer.step();
                step++;
            }
            Console.WriteLine($"epoch {epoch}: {step} batches");
        }
    }
}
