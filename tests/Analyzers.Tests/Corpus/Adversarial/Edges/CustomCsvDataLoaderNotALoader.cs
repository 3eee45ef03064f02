// Scenario: a home-made CsvDataLoader (enumerable, shuffle/seed arguments, its own SetEpoch, but no Sampler member and not TorchSharp's) is created with shuffle: true, seed: 42 and reseeded every epoch; right.
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.CustomCsvDataLoaderNotALoader;

/// <summary>Streams mini-batches of rows from a CSV file, reshuffled per epoch from (seed, epoch).</summary>
public sealed class CsvDataLoader : IEnumerable<float[][]>
{
    private readonly string _path;
    private readonly int _batchSize;
    private readonly bool _shuffle;
    private readonly int _seed;
    private int _epoch;

    public CsvDataLoader(string path, int batchSize, bool shuffle = false, int seed = 0)
    {
        _path = path;
        _batchSize = batchSize;
        _shuffle = shuffle;
        _seed = seed;
    }

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<float[][]> GetEnumerator()
    {
        var rows = File.ReadLines(_path).Skip(1)
            .Select(line => line.Split(',').Select(float.Parse).ToArray())
            .ToArray();
        if (_shuffle)
            new Random(HashCode.Combine(_seed, _epoch)).Shuffle(rows);
        for (int i = 0; i < rows.Length; i += _batchSize)
            yield return rows[i..Math.Min(i + _batchSize, rows.Length)];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class TabularRegression
{
    public static void Fit(string csvPath, int epochs)
    {
        var model = nn.Sequential(nn.Linear(12, 32), nn.ReLU(), nn.Linear(32, 1));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var csv = new CsvDataLoader(csvPath, 64, shuffle: true, seed: 42);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            csv.SetEpoch(epoch);
            foreach (var rows in csv)
            {
                var flat = rows.SelectMany(r => r).ToArray();
                using var table = tensor(flat, new long[] { rows.Length, 13 });
                using var x = table[.., ..12];
                using var y = table[.., 12..];
                optimizer.zero_grad();
                using var loss = nn.functional.mse_loss(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
