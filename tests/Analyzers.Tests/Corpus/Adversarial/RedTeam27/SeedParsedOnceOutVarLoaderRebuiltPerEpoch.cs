// Scenario: a top-level program reads its seed once, `if (!int.TryParse(Environment.GetEnvironmentVariable("TRAIN_SEED"), out var seed)) seed = Environment.TickCount;`, then rebuilds its TorchSharp loader inside the epoch loop (to re-read a growing data directory) with `seed: seed`. Wrong: whichever branch gave it, `seed` is set before the loop and never changed in it, so every epoch reshuffles from one seed. CMP003 page: "Outside every loop, any seed is fixed ... even `Environment.TickCount` (read once)", and inside a loop a seed made "of locals ... that the loop neither declares nor changes" is fixed; the `out` write and the assignment happen before the loop. CMP003 at the creation.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

if (!int.TryParse(Environment.GetEnvironmentVariable("TRAIN_SEED"), out var seed))
    seed = Environment.TickCount;
int epochs = int.TryParse(Environment.GetEnvironmentVariable("EPOCHS"), out var e) ? e : 8;
string dataDir = args.Length > 0 ? args[0] : "data/incoming";

var model = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 2));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < epochs; epoch++)
{
    using var data = RedTeam27.OutVarSeed.FolderSet.Load(dataDir);
    using var loader = new DataLoader(data, 32, shuffle: true, seed: seed, disposeDataset: false); //! CMP003
    double sum = 0;
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        sum += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch} ({data.Count} rows, seed {seed}): {sum / Math.Max(1, loader.Count):F4}");
}

namespace RedTeam27.OutVarSeed
{
    public sealed class FolderSet : torch.utils.data.Dataset
    {
        private readonly Tensor _x, _y;
        private FolderSet(Tensor x, Tensor y) { _x = x; _y = y; }

        public static FolderSet Load(string dir)
        {
            long rows = Directory.Exists(dir) ? Math.Max(1, Directory.GetFiles(dir).Length) * 16 : 64;
            return new FolderSet(randn(rows, 16), randint(0, 2, new[] { rows }));
        }

        public override long Count => _x.shape[0];
        public override Dictionary<string, Tensor> GetTensor(long index) => new() { ["data"] = _x[index], ["label"] = _y[index] };
    }
}
