// Scenario: a step-based trainer cycles a shuffled loader forever through a yield-return local function whose own epoch loop sets the loader's epoch before each pass; the caller takes maxSteps batches (correct).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var ds = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.randn(1500, 10),
    ["target"] = torch.randn(1500, 1),
});
using var train = new EpochDataLoader(ds, batchSize: 32, shuffle: true, seed: 123);
var model = nn.Sequential(("fc1", nn.Linear(10, 64)), ("tanh", nn.Tanh()), ("fc2", nn.Linear(64, 1)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
const int MaxSteps = 2000;

IEnumerable<(int Epoch, Dictionary<string, Tensor> Batch)> Cycle(int startEpoch)
{
    for (int epoch = startEpoch; ; epoch++)
    {
        train.SetEpoch(epoch);
        foreach (var batch in train)
            yield return (epoch, batch);
    }
}

int step = 0;
foreach (var (epoch, batch) in Cycle(0).Take(MaxSteps))
{
    optimizer.zero_grad();
    using var loss = nn.functional.mse_loss(model.call(batch["data"]), batch["target"]);
    loss.backward();
    optimizer.step();
    if (++step % 200 == 0) Console.WriteLine($"step {step} (epoch {epoch}): {loss.item<float>():F5}");
}
