// Scenario: a long epoch counter, two half-epochs each set to (int)(epoch * 2 + half), and a stored lambda capturing the loop's epoch that sets a miner's SetEpoch(long) to epoch + 1; right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.EpochArithmeticAndCapturedLambda;

/// <summary>Draws the hardest examples first; its order changes with the epoch.</summary>
public sealed class HardExampleSampler : ISampler
{
    private readonly float[] _difficulty;
    private readonly int _seed;
    private long _epoch;

    public HardExampleSampler(float[] difficulty, int seed) => (_difficulty, _seed) = (difficulty, seed);

    public long Count => _difficulty.Length;

    public void SetEpoch(long epoch) => _epoch = epoch;

    public IEnumerator<long> GetEnumerator()
    {
        var rng = new Random(HashCode.Combine(_seed, _epoch));
        return Enumerable.Range(0, _difficulty.Length)
            .OrderByDescending(i => _difficulty[i] + 0.1f * rng.NextSingle())
            .Select(i => (long)i)
            .GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class HalfEpochTraining
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset data, float[] difficulty, long firstEpoch, long lastEpoch)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 5e-4);
        using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 10);
        var miner = new HardExampleSampler(difficulty, seed: 11);
        using var mining = new EpochDataLoader(data, batchSize: 64, sampler: miner);
        int halfEpochBatches = (int)(train.Count / 2);

        for (long epoch = firstEpoch; epoch < lastEpoch; epoch++)
        {
            // Epoch 0 of the miner is its warm-up pass, run before training starts.
            Action beginMining = () => miner.SetEpoch(epoch + 1);

            for (int half = 0; half < 2; half++)
            {
                Epochs.SetEpoch(train, (int)(epoch * 2 + half));
                foreach (var batch in train.Take(halfEpochBatches))
                    Step(model, optimizer, batch);
            }

            beginMining();
            foreach (var batch in mining.Take(halfEpochBatches / 4))
                Step(model, optimizer, batch);

            Console.WriteLine($"epoch {(int)epoch} done");
        }
    }

    private static void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Dictionary<string, Tensor> batch)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
        loss.backward();
        optimizer.step();
    }
}
