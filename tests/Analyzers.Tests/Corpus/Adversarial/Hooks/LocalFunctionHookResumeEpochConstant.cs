// Scenario: a resumable loop dispatches an OnEpochStart local-function hook but passes the resume epoch (set once before the loop) instead of the loop's epoch; local functions are followed ("with void Begin(int e) => loader.SetEpoch(e);, a call Begin(0) in the loop gets CMP004 on loader.SetEpoch(e)") — CMP004 at the setter inside the hook; the epoch is set on the pass, so no CMP002.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["x"] = torch.randn(300, 6),
    ["y"] = torch.randint(0, 3, new long[] { 300 }),
});
int startEpoch = args.Length > 0 ? int.Parse(args[0]) : 0;
var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 8);

void OnEpochStart(int e)
{
    train.SetEpoch(e); //! CMP004
    Console.WriteLine($"epoch {e} starting");
}

for (int epoch = startEpoch; epoch < 30; epoch++)
{
    OnEpochStart(startEpoch);
    foreach (var batch in train)
    {
        _ = batch["y"].shape;
    }
}
