// Scenario: a top-level program whose epoch loop (foreach over Enumerable.Range) iterates a shuffling loader and never sets its epoch: a bug.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = rand(128, 4), ["label"] = rand(128, 1) });
var model = nn.Linear(4, 1);
var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);
using var loader = new EpochDataLoader(data, batchSize: 8, shuffle: true);

foreach (var epoch in Enumerable.Range(0, 3))
{
    foreach (var batch in loader) //! CMP002
    {
        optimizer.zero_grad();
        nn.functional.l1_loss(model.call(batch["data"]), batch["label"]).backward();
        optimizer.step();
    }
}
