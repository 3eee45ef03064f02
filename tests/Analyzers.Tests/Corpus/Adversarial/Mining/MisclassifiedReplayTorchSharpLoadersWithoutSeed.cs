// Scenario: hard-example replay: after each epoch the misclassified samples are collected and replayed in an extra pass; both TorchSharp DataLoaders shuffle with no seed, so each enumeration draws a fresh order (right, if not reproducible).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int N = 6000, Features = 20, Classes = 4, EpochCount = 20;

var x = torch.randn(N, Features);
var y = (x[.., ..Classes] + 0.5 * torch.randn(N, Classes)).argmax(1);
var full = new SliceDataset(x, y);
using var train = new DataLoader(full, 64, shuffle: true);          // no seed: a new order at every enumeration

var model = Sequential(("fc1", Linear(Features, 128)), ("relu", ReLU()), ("fc2", Linear(128, Classes)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
var hardX = torch.zeros(0, Features);
var hardY = torch.zeros(0, dtype: int64);

void Step(Tensor data, Tensor label)
{
    using var scope = torch.NewDisposeScope();
    var loss = functional.cross_entropy(model.forward(data), label);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
}

for (int epoch = 0; epoch < EpochCount; epoch++)
{
    var missedX = new List<Tensor>();
    var missedY = new List<Tensor>();
    foreach (var batch in train)
    {
        Step(batch["data"], batch["label"]);
        using (torch.no_grad())
        {
            var wrong = model.forward(batch["data"]).argmax(1).ne(batch["label"]);
            missedX.Add(batch["data"][wrong].clone());
            missedY.Add(batch["label"][wrong].clone());
        }
    }

    // replay this epoch's mistakes once more
    hardX = torch.cat(missedX, 0);
    hardY = torch.cat(missedY, 0);
    if (hardX.shape[0] >= 32)
    {
        using var replay = new DataLoader(new SliceDataset(hardX, hardY), 32, shuffle: true, drop_last: true);
        foreach (var batch in replay) Step(batch["data"], batch["label"]);
    }
    Console.WriteLine($"epoch {epoch}: {hardX.shape[0]} hard examples replayed");
}

sealed class SliceDataset(Tensor data, Tensor labels) : torch.utils.data.Dataset
{
    public override long Count => data.shape[0];

    public override Dictionary<string, Tensor> GetTensor(long index) =>
        new() { ["data"] = data[index], ["label"] = labels[index] };
}
