// Scenario: a multi-dataset dense-prediction model keeps its three shuffled task loaders (scene class, segmentation, depth) in a Dictionary<string, EpochDataLoader> initialised from the loader variables, sets every loader's epoch with a loop over the dictionary's entries, then zips the three loaders (correct: no diagnostic).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int epochs = 24;
var device = cuda.is_available() ? CUDA : CPU;

using var scenes = new EpochDataLoader(Load("data/mtl/places64"), batchSize: 16, shuffle: true, seed: 1, device: device, disposeDataset: true);
using var segmentation = new EpochDataLoader(Load("data/mtl/voc64"), batchSize: 16, shuffle: true, seed: 2, device: device, disposeDataset: true);
using var depth = new EpochDataLoader(Load("data/mtl/nyu64"), batchSize: 16, shuffle: true, seed: 3, device: device, disposeDataset: true);

var loaders = new Dictionary<string, EpochDataLoader>
{
    ["scene"] = scenes,
    ["segmentation"] = segmentation,
    ["depth"] = depth,
};
var lossWeights = new Dictionary<string, double> { ["scene"] = 1.0, ["segmentation"] = 1.0, ["depth"] = 0.5 };

var backbone = nn.Sequential(
    nn.Conv2d(3, 32, 3, padding: 1), nn.ReLU(),
    nn.Conv2d(32, 64, 3, padding: 1), nn.ReLU()).to(device);
var sceneHead = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 365)).to(device);
var segHead = nn.Conv2d(64, 21, 1).to(device);
var depthHead = nn.Conv2d(64, 1, 1).to(device);
var parameters = new nn.Module[] { backbone, sceneHead, segHead, depthHead }.SelectMany(m => m.parameters());
var optimizer = optim.Adam(parameters, 1e-3);

for (int epoch = 0; epoch < epochs; epoch++)
{
    foreach (var kv in loaders)
        kv.Value.SetEpoch(epoch);

    var sums = loaders.Keys.ToDictionary(k => k, _ => 0.0);
    foreach (var (sc, seg, dep) in scenes.Zip(segmentation, depth))
    {
        using var scope = NewDisposeScope();
        var losses = new Dictionary<string, Tensor>
        {
            ["scene"] = nn.functional.cross_entropy(sceneHead.call(backbone.call(sc["data"])), sc["label"]),
            ["segmentation"] = nn.functional.cross_entropy(segHead.call(backbone.call(seg["data"])), seg["label"], ignore_index: 255),
            ["depth"] = nn.functional.l1_loss(depthHead.call(backbone.call(dep["data"])), dep["label"]),
        };
        var total = losses.Aggregate(zeros(1, device: device), (acc, kv) => acc + lossWeights[kv.Key] * kv.Value);

        optimizer.zero_grad();
        total.backward();
        optimizer.step();
        foreach (var (task, loss) in losses) sums[task] += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch}: " + string.Join(", ", sums.Select(s => $"{s.Key} {s.Value:F3}")));
}

static InMemoryDataset Load(string folder) => new(new Dictionary<string, Tensor>
{
    ["data"] = torch.load(Path.Combine(folder, "images.pt")),
    ["label"] = torch.load(Path.Combine(folder, "targets.pt")),
});
