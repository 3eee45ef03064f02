// Scenario: a flaky network share makes loader workers fail now and then; each epoch is retried up to three times from the epoch's weights, every attempt calling `train.SetEpoch(epoch)` (the outer loop's epoch) before iterating, and the attempt loop `break`s once a pass completes — right
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int MaxEpochs = 30;
const int MaxAttempts = 3;

var augment = new Compose(new RandomCrop(64, padding: 4), new RandomHorizontalFlip(),
    new Normalize([0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f]));
using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("/mnt/nfs/plants/train", augment), ImageFolder.Collate,
    batchSize: 64, shuffle: true, seed: 404, workers: 6, disposeDataset: true);

var model = nn.Sequential(
    ("stem", nn.Conv2d(3, 32, 3, stride: 2, padding: 1)), ("bn", nn.BatchNorm2d(32)), ("act", nn.ReLU()),
    ("block", nn.Conv2d(32, 64, 3, stride: 2, padding: 1)), ("act2", nn.ReLU()),
    ("pool", nn.AdaptiveAvgPool2d(1)), ("flatten", nn.Flatten()), ("head", nn.Linear(64, 38)));
var optimizer = optim.AdamW(model.parameters(), lr: 1e-3);

int start = File.Exists("ckpt/epoch.txt") ? int.Parse(File.ReadAllText("ckpt/epoch.txt")) : 0;
if (start > 0) model.load("ckpt/model.bin");

for (int epoch = start; epoch < MaxEpochs; epoch++)
{
    for (int attempt = 1; attempt <= MaxAttempts; attempt++)
    {
        try
        {
            train.SetEpoch(epoch);   // a retried epoch replays the same order from its first batch
            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            break;
        }
        catch (LoaderWorkerException ex) when (attempt < MaxAttempts)
        {
            Console.Error.WriteLine($"epoch {epoch}, attempt {attempt}: sample {ex.Index} failed ({ex.InnerException?.Message}); retrying from the epoch's weights");
            if (File.Exists("ckpt/model.bin")) model.load("ckpt/model.bin");
            Thread.Sleep(TimeSpan.FromSeconds(10 * attempt));
        }
    }

    Directory.CreateDirectory("ckpt");
    model.save("ckpt/model.bin");
    File.WriteAllText("ckpt/epoch.txt", (epoch + 1).ToString());
}
