using Composer.Data;
using RedTeam16.RecursiveHelper;

var data = new InMemoryDataset(new Dictionary<string, TorchSharp.torch.Tensor>
{
    ["data"] = TorchSharp.torch.randn(256, 8),
    ["label"] = TorchSharp.torch.randint(0, 16, 256),
});
var labels = Enumerable.Range(0, 256).Select(i => (long)(i % 16)).ToList();
var loader = new PkLoader(data, labels, seed: 1);
for (int epoch = 0; epoch < 3; epoch++)
{
    loader.set_epoch(epoch);
    foreach (var batch in loader) Console.WriteLine(batch["label"].shape[0]);
}
