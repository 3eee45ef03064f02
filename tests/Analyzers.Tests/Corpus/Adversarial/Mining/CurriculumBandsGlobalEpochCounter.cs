// Scenario: curriculum in difficulty bands (easy, +medium, +hard); each band gets a new shuffling loader and a few epochs, and every loader is told a run-wide epoch counter that advances on every epoch of every band (right).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int N = 9000, Features = 26, Classes = 3;
int[] epochsPerBand = [3, 4, 8];

torch.manual_seed(100);
var x = torch.randn(N, Features);
var y = (x[.., 0] + 0.5 * x[.., 1]).bucketize(torch.tensor(new[] { -0.6f, 0.6f }));

// teacher margin: large margin = easy; split into three bands
var margin = (x[.., 0] + 0.5 * x[.., 1]).abs();
var hardestLast = margin.argsort(descending: true);
long[] bandEnds = [N / 3, 2 * N / 3, N];

var model = Sequential(("fc1", Linear(Features, 80)), ("relu", ReLU()), ("fc2", Linear(80, Classes)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
var globalEpoch = 0;

for (int band = 0; band < bandEnds.Length; band++)
{
    var rows = hardestLast[..(int)bandEnds[band]];      // cumulative: easy first, harder bands added
    var bandSet = new InMemoryDataset(new Dictionary<string, Tensor>
    {
        ["data"] = x.index_select(0, rows),
        ["label"] = y.index_select(0, rows),
    });
    using var loader = new EpochDataLoader(bandSet, batchSize: 96, shuffle: true, seed: 100, disposeDataset: true);

    for (int e = 0; e < epochsPerBand[band]; e++)
    {
        loader.SetEpoch(globalEpoch);
        double total = 0;
        foreach (var batch in loader)
        {
            using var scope = torch.NewDisposeScope();
            var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
        }
        Console.WriteLine($"band {band} epoch {globalEpoch}: {bandSet.Count} samples, loss {total / loader.Count:F4}");
        globalEpoch++;
    }
}
