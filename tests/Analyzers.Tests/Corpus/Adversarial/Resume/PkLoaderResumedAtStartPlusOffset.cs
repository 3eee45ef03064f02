// Scenario: a metric-learning run counts the remaining epochs with `i` and tells its P×K loader `epoch = start + i` through `Epochs.SetEpoch(pk, epoch)` each pass, start read from the checkpoint — right
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int TotalEpochs = 60;
const string CheckpointDir = "runs/products-embed";

using var catalog = new ImageFolder("data/products/train", new Compose(new Resize(64, 64), new RandomHorizontalFlip()));
var pkSampler = new ClassBalancedBatchSampler(catalog.Labels, classesPerBatch: 16, samplesPerClass: 4, seed: 2023);
using var pk = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    catalog, ImageFolder.Collate, batchSampler: pkSampler, workers: 4);

var embedder = nn.Sequential(
    ("conv1", nn.Conv2d(3, 32, 3, stride: 2, padding: 1)), ("relu1", nn.ReLU()),
    ("conv2", nn.Conv2d(32, 64, 3, stride: 2, padding: 1)), ("relu2", nn.ReLU()),
    ("pool", nn.AdaptiveAvgPool2d(1)), ("flatten", nn.Flatten()),
    ("proj", nn.Linear(64, 128)));
var optimizer = optim.AdamW(embedder.parameters(), lr: 3e-4);

var meta = Path.Combine(CheckpointDir, "meta.json");
int start = 0;
if (File.Exists(meta))
{
    start = JsonSerializer.Deserialize<EmbedCheckpoint>(File.ReadAllText(meta))!.CompletedEpochs;
    embedder.load(Path.Combine(CheckpointDir, "embedder.bin"));
}

int remaining = TotalEpochs - start;
for (int i = 0; i < remaining; i++)
{
    int epoch = start + i;
    Epochs.SetEpoch(pk, epoch);

    embedder.train();
    foreach (var batch in pk)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var emb = nn.functional.normalize(embedder.call(batch["data"]), p: 2, dim: 1);
        var labels = batch["label"];
        var sim = emb.matmul(emb.t());
        var same = labels.unsqueeze(0).eq(labels.unsqueeze(1)).to_type(ScalarType.Float32);
        // contrastive: pull same-class pairs together, push the rest below a margin
        var loss = (same * (1 - sim) + (1 - same) * nn.functional.relu(sim - 0.3)).mean();
        loss.backward();
        optimizer.step();
    }

    Directory.CreateDirectory(CheckpointDir);
    embedder.save(Path.Combine(CheckpointDir, "embedder.bin"));
    File.WriteAllText(meta, JsonSerializer.Serialize(new EmbedCheckpoint(epoch + 1)));
    Console.WriteLine($"epoch {epoch + 1}/{TotalEpochs} saved");
}

record EmbedCheckpoint(int CompletedEpochs);
