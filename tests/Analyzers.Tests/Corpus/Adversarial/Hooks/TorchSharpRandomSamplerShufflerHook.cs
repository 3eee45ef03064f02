// Scenario: the fixed TorchSharp version — the DataLoader gets an epoch-aware RandomSampler built from data.Count as its shuffler, whose SetEpoch is added as an epoch-start hook (a method group on the sampler variable the loader was built from); the evaluation loader from the factory has a seed but `shuffle: false` (CMP003 needs shuffle not the constant false). Nothing flagged.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["x"] = torch.randn(640, 3),
    ["y"] = torch.randint(0, 2, new long[] { 640 }),
});
var shuffler = new RandomSampler(data.Count, seed: 42);
var train = new DataLoader(data, 64, shuffler: shuffler);
var eval = torch.utils.data.DataLoader(data, 128, shuffle: false, seed: 42);

var epochHooks = new List<Action<int>>();
epochHooks.Add(shuffler.SetEpoch);

for (int epoch = 0; epoch < 5; epoch++)
{
    foreach (var hook in epochHooks) hook(epoch);
    foreach (var batch in train)
    {
        _ = batch["x"].shape;
    }
    foreach (var batch in eval)
    {
        _ = batch["y"].shape;
    }
}
