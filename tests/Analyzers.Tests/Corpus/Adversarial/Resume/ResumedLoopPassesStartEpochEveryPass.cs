// Scenario: after resuming, the loop calls `Epochs.SetEpoch(train, startEpoch)` on every pass instead of the loop's `epoch`, so every resumed epoch reshuffles with the same number — wrong (CMP004)
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int MaxEpochs = 50;
const string Ckpt = "ckpt/cifar-small";

var augment = new Compose(new RandomCrop(32, padding: 4), new RandomHorizontalFlip(),
    new Normalize([0.49f, 0.48f, 0.45f], [0.25f, 0.24f, 0.26f]));
using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
    new ImageFolder("data/cifar10/train", augment), ImageFolder.Collate,
    batchSize: 128, shuffle: true, seed: 42, workers: 4, disposeDataset: true);

var model = nn.Sequential(
    ("c1", nn.Conv2d(3, 32, 3, padding: 1)), ("b1", nn.BatchNorm2d(32)), ("r1", nn.ReLU()), ("p1", nn.MaxPool2d(2)),
    ("c2", nn.Conv2d(32, 64, 3, padding: 1)), ("b2", nn.BatchNorm2d(64)), ("r2", nn.ReLU()), ("p2", nn.MaxPool2d(2)),
    ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("fc", nn.Linear(64, 10)));
var optimizer = optim.SGD(model.parameters(), learningRate: 0.1, momentum: 0.9, weight_decay: 5e-4);
var scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, MaxEpochs);

var resume = File.Exists($"{Ckpt}/resume.json")
    ? JsonSerializer.Deserialize<ResumeInfo>(File.ReadAllText($"{Ckpt}/resume.json"))
    : null;
if (resume is not null)
{
    model.load($"{Ckpt}/model.bin");
    for (int i = 0; i <= resume.Epoch; i++) scheduler.step();   // fast-forward the LR schedule
}
int startEpoch = (resume?.Epoch + 1) ?? 0;

for (int epoch = startEpoch; epoch < MaxEpochs; epoch++)
{
    Epochs.SetEpoch(train, startEpoch); //! CMP004
    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }
    scheduler.step();

    Directory.CreateDirectory(Ckpt);
    model.save($"{Ckpt}/model.bin");
    File.WriteAllText($"{Ckpt}/resume.json", JsonSerializer.Serialize(new ResumeInfo(epoch)));
}

record ResumeInfo(int Epoch);
