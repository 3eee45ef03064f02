// Scenario: a TorchSharp DataLoader(shuffle: true, seed: 42) whose user adds an epoch-start hook calling Epochs.SetEpoch on it, believing that reshuffles; its built-in shuffle is not epoch-aware and the seed is fixed — CMP003 at the creation (TorchSharp's DataLoader(shuffle: true) is not epoch-dependent, so no CMP002).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["x"] = torch.randn(640, 3),
    ["y"] = torch.randint(0, 2, new long[] { 640 }),
});
var train = new DataLoader(data, 64, shuffle: true, seed: 42); //! CMP003

var epochHooks = new List<Action<int>>();
epochHooks.Add(e => Epochs.SetEpoch(train, e));

for (int epoch = 0; epoch < 5; epoch++)
{
    foreach (var hook in epochHooks) hook(epoch);
    foreach (var batch in train)
    {
        _ = batch["x"].shape;
    }
}
