// Scenario: a TorchSharp-only script gives its DataLoader `shuffle: true, seed: 2024` "so a restarted job sees the same batches as the crashed one"; TorchSharp reseeds from that seed at every enumeration, so every epoch, before and after the restart, has the same order — wrong (CMP003)
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int Epochs = 25;
const string CheckpointFolder = "checkpoints";

var trainData = new Dictionary<string, Tensor>
{
    ["data"] = torch.load("data/spectrograms.pt"),
    ["label"] = torch.load("data/labels.pt"),
};
var dataset = new KeywordSpotting(trainData);   // the loader disposes it
using var loader = new DataLoader(dataset, 64, shuffle: true, seed: 2024); //! CMP003

var model = nn.Sequential(
    ("conv1", nn.Conv2d(1, 16, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(16, 32, 3, padding: 1)), ("relu2", nn.ReLU()), ("pool", nn.AdaptiveAvgPool2d(1)),
    ("flatten", nn.Flatten()), ("head", nn.Linear(32, 12)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

// Resume from the newest epoch checkpoint, if the job was restarted.
int firstEpoch = 0;
Directory.CreateDirectory(CheckpointFolder);
var latest = Directory.GetFiles(CheckpointFolder, "epoch-*.bin").OrderBy(f => f).LastOrDefault();
if (latest is not null)
{
    model.load(latest);
    firstEpoch = int.Parse(Path.GetFileNameWithoutExtension(latest)["epoch-".Length..]) + 1;
}

for (int epoch = firstEpoch; epoch < Epochs; epoch++)
{
    model.train();
    foreach (var batch in loader)
    {
        using var d = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }
    model.save(Path.Combine(CheckpointFolder, $"epoch-{epoch:D3}.bin"));
}

sealed class KeywordSpotting(Dictionary<string, Tensor> columns) : torch.utils.data.Dataset
{
    public override long Count => columns["label"].shape[0];

    public override Dictionary<string, Tensor> GetTensor(long index) => new()
    {
        ["data"] = columns["data"][index],
        ["label"] = columns["label"][index],
    };
}
