// Scenario: a TorchSharp-only job rebuilds its shuffling DataLoader every epoch through `ForEpoch(data, epoch)`, seeded `BaseSeed + epoch`, so a job restarted at epoch k draws exactly the order the uninterrupted run would have — right
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int Epochs = 20;
var checkpoints = new DirectoryInfo("checkpoints/mnist-cnn");
checkpoints.Create();

var data = new Dictionary<string, Tensor>
{
    ["data"] = torch.load("data/mnist_train_x.pt"),
    ["label"] = torch.load("data/mnist_train_y.pt"),
};
using var dataset = new TensorTable(data);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(1, 32, 3)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(32, 64, 3)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
    ("flatten", nn.Flatten()), ("fc", nn.Linear(64 * 5 * 5, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

var last = checkpoints.GetFiles("epoch-*.bin").OrderBy(f => f.Name).LastOrDefault();
int resumeAt = 0;
if (last is not null)
{
    model.load(last.FullName);
    resumeAt = int.Parse(Path.GetFileNameWithoutExtension(last.Name)[6..]) + 1;
    Console.WriteLine($"restarted: continuing at epoch {resumeAt}");
}

for (int epoch = resumeAt; epoch < Epochs; epoch++)
{
    using var loader = ShuffledLoaders.ForEpoch(dataset, epoch);
    model.train();
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }
    model.save(Path.Combine(checkpoints.FullName, $"epoch-{epoch:D3}.bin"));
}

static class ShuffledLoaders
{
    private const int BaseSeed = 7;

    // One loader per epoch: the order is a function of (BaseSeed, epoch) alone.
    public static DataLoader ForEpoch(torch.utils.data.Dataset data, int epoch) =>
        new DataLoader(data, 64, shuffle: true, seed: BaseSeed + epoch, disposeDataset: false);
}

sealed class TensorTable(Dictionary<string, Tensor> columns) : torch.utils.data.Dataset
{
    public override long Count => columns["label"].shape[0];

    public override Dictionary<string, Tensor> GetTensor(long index) =>
        columns.ToDictionary(kv => kv.Key, kv => kv.Value[index]);
}
