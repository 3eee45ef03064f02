// Scenario: a script logs which hook it "will" use with `nameof(train.SetEpoch)` but never calls it nor hands it on; the shuffling loader's epoch is never set — CMP002 at the iteration (nameof is neither a call nor a delegate).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = torch.randn(640, 3) });
var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 99);
Console.WriteLine($"epoch hook: {nameof(train.SetEpoch)}");

for (int epoch = 0; epoch < 10; epoch++)
{
    foreach (var batch in train) //! CMP002
    {
        _ = batch["x"].max();
    }
}
