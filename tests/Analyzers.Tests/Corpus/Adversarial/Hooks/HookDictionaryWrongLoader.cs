// Scenario: hooks kept in a Dictionary<HookPoint, List<Action<int>>> keyed by an event enum; the epoch-start hook registers the validation loader's SetEpoch instead of the shuffling train loader's (copy-paste slip), so train's epoch is never set — CMP002 at train's iteration; val does not shuffle (shuffle omitted), so it is not flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

static InMemoryDataset MakeSet(int n) => new(new Dictionary<string, Tensor>
{
    ["x"] = torch.randn(n, 10),
    ["y"] = torch.randint(0, 2, new long[] { n }),
});

var trainSet = MakeSet(2048);
var valSet = MakeSet(256);
var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 21);
var val = new EpochDataLoader(valSet, batchSize: 256);

var hooks = Enum.GetValues<WrongHookPoint>().ToDictionary(p => p, _ => new List<Action<int>>());
hooks[WrongHookPoint.EpochStart].Add(val.SetEpoch);
hooks[WrongHookPoint.EpochEnd].Add(e => Console.WriteLine($"epoch {e} done"));

void Fire(WrongHookPoint point, int epoch)
{
    foreach (var hook in hooks[point]) hook(epoch);
}

for (int epoch = 0; epoch < 8; epoch++)
{
    Fire(WrongHookPoint.EpochStart, epoch);
    foreach (var batch in train) //! CMP002
    {
        _ = batch["x"].shape;
    }
    foreach (var batch in val)
    {
        _ = batch["y"].shape;
    }
    Fire(WrongHookPoint.EpochEnd, epoch);
}

enum WrongHookPoint
{
    FitStart,
    EpochStart,
    EpochEnd,
    FitEnd,
}
