// Scenario: a top-level loop fires a List<Action<int>> of epoch-start hooks into which the shuffling loader's own SetEpoch was added as a method group (hooks.Add(train.SetEpoch)); correct, nothing flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["x"] = torch.randn(512, 16),
    ["y"] = torch.randint(0, 4, new long[] { 512 }),
});
var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 17);

var epochStartHooks = new List<Action<int>>();
epochStartHooks.Add(train.SetEpoch);
epochStartHooks.Add(e => Console.WriteLine($"epoch {e} starting"));

for (int epoch = 0; epoch < 10; epoch++)
{
    foreach (var hook in epochStartHooks) hook(epoch);
    double total = 0;
    foreach (var batch in train)
    {
        total += batch["x"].sum().item<float>();
    }
    Console.WriteLine($"epoch {epoch}: {total:F3}");
}
