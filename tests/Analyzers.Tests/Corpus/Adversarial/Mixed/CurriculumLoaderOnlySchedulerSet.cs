// Scenario: a curriculum loader of the user's own (enumerable, with a Sampler, built with an epoch-aware Curriculum) is iterated every epoch, but the epoch loop only sets the LR schedule's epoch — the loader (and its curriculum) never hears it: CMP002.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Curriculum.Loaders;

/// <summary>Admits harder samples as epochs pass.</summary>
public sealed class Curriculum(double start, double step)
{
    public double MaxDifficulty { get; private set; } = start;
    public void SetEpoch(int epoch) => MaxDifficulty = Math.Min(1.0, start + step * epoch);
}

/// <summary>The user's LR schedule. Also has SetEpoch(int).</summary>
public sealed class LinearDecay(optim.Optimizer optimizer, double baseLr, int totalEpochs)
{
    public double Lr { get; private set; } = baseLr;
    public void SetEpoch(int epoch)
    {
        Lr = baseLr * (1 - epoch / (double)Math.Max(1, totalEpochs));
        foreach (var group in optimizer.ParamGroups) group.LearningRate = Lr;
    }
}

public sealed class CurriculumLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _dataset;
    private readonly Curriculum _curriculum;
    private readonly double[] _difficulty;
    private readonly int _batchSize;

    public CurriculumLoader(InMemoryDataset dataset, Curriculum curriculum, double[] difficulty, int batchSize, int seed)
    {
        _dataset = dataset;
        _curriculum = curriculum;
        _difficulty = difficulty;
        _batchSize = batchSize;
        Sampler = new RandomSampler(dataset.Count, seed: seed);
    }

    public RandomSampler Sampler { get; }

    public void SetEpoch(int epoch)
    {
        Sampler.SetEpoch(epoch);
        _curriculum.SetEpoch(epoch);
    }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        var admitted = Sampler.Where(i => _difficulty[i] <= _curriculum.MaxDifficulty);
        foreach (var chunk in admitted.Chunk(_batchSize))
            yield return _dataset.GetBatch(chunk);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class CurriculumRun
{
    public static double[] DifficultyByNorm(Tensor x)
    {
        var norms = x.norm(1).data<float>().ToArray();
        var max = norms.Length == 0 ? 1f : norms.Max();
        var result = new double[norms.Length];
        for (int i = 0; i < norms.Length; i++) result[i] = norms[i] / max;
        return result;
    }

    public static void Main()
    {
        const int epochs = 8;
        var x = torch.randn(5000, 10);
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = x,
            ["label"] = (x.sum(1) > 0).to(ScalarType.Int64),
        });
        var curriculum = new Curriculum(start: 0.3, step: 0.1);
        var train = new CurriculumLoader(data, curriculum, DifficultyByNorm(x), batchSize: 64, seed: 4);
        var eval = new EpochDataLoader(data, batchSize: 500);

        var model = nn.Sequential(("fc1", nn.Linear(10, 32)), ("act", nn.ReLU()), ("fc2", nn.Linear(32, 2)));
        var optimizer = optim.SGD(model.parameters(), 0.1);
        var decay = new LinearDecay(optimizer, 0.1, epochs);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            decay.SetEpoch(epoch);
            int batches = 0;
            foreach (var batch in train) //! CMP002
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                batches++;
            }
            Console.WriteLine($"epoch {epoch}: {batches} batches up to difficulty {curriculum.MaxDifficulty:F1}, lr {decay.Lr:F3}");
        }

        using var _ = torch.no_grad();
        long correct = 0;
        foreach (var batch in eval)
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
        Console.WriteLine($"accuracy {correct / (double)data.Count:P1}");
    }
}
