// Scenario: warm restarts over cycles × epochs-in-cycle with a TorchSharp DataLoader fed a RandomSampler shuffler; Epochs.SetEpoch gets a global epoch counter the inner loop advances — right
using Composer.Data;
using Composer.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int Cycles = 3, FirstCycle = 5, Mult = 2;
const double EtaMax = 3e-3, EtaMin = 1e-5;

Reproducibility.SeedAll(77);
var x = randn(20_000, 32);
var w = randn(32, 1);
var y = (x.matmul(w).squeeze(1) + 0.1 * randn(20_000)).gt(0).to_type(ScalarType.Int64);
using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x, ["y"] = y });

// TorchSharp's own shuffle can't be told the epoch; an epoch-aware shuffler can
var train = new DataLoader(data, 256, new RandomSampler(data.Count, seed: 77), disposeDataset: false);

var model = Sequential(("l1", Linear(32, 128)), ("a1", SiLU()), ("l2", Linear(128, 2)));
var opt = optim.AdamW(model.parameters(), lr: EtaMax);

int globalEpoch = 0;
var snapshots = new List<string>();
for (int cycle = 0, len = FirstCycle; cycle < Cycles; cycle++, len *= Mult)
{
    for (int e = 0; e < len; e++)
    {
        Epochs.SetEpoch(train, globalEpoch);
        double lr = EtaMin + 0.5 * (EtaMax - EtaMin) * (1 + Math.Cos(Math.PI * e / len));
        foreach (var g in opt.ParamGroups) g.LearningRate = lr;

        double total = 0; long n = 0;
        foreach (var batch in train)
        {
            using var scope = NewDisposeScope();
            var loss = functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
            opt.zero_grad();
            loss.backward();
            opt.step();
            total += loss.item<float>(); n++;
        }
        Console.WriteLine($"cycle {cycle} e {e}/{len} (global {globalEpoch}) lr {lr:E2} loss {total / n:F4}");
        globalEpoch++;
    }
    var path = $"snapshot_{cycle}.bin";
    model.save(path);
    snapshots.Add(path);
}
Console.WriteLine($"saved {snapshots.Count} snapshots: {string.Join(", ", snapshots)}");
