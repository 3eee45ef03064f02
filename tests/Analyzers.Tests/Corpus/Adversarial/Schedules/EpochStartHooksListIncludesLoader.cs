// Scenario: an epoch-start hook list (collection expression of lambdas) holding the LR warmup, label-smoothing decay and e => train.SetEpoch(e), run at the top of every epoch — right
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int epochs = 25;
const int warmupEpochs = 3;
const double baseLr = 0.05;

using var trainSet = new FashionMnist(train: true);
using var train = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 404, workers: 2);

var model = nn.Sequential(
    ("conv", nn.Conv2d(1, 16, 5, padding: 2)), ("relu", nn.ReLU()), ("pool", nn.MaxPool2d(2)),
    ("flatten", nn.Flatten()), ("fc", nn.Linear(16 * 14 * 14, 10)));
var optimizer = torch.optim.SGD(model.parameters(), baseLr, momentum: 0.9);
double smoothing = 0.2;

List<Action<int>> onEpochStart =
[
    e => train.SetEpoch(e),
    e =>
    {
        double lr = e < warmupEpochs ? baseLr * (e + 1) / warmupEpochs : baseLr * 0.5 * (1 + Math.Cos(Math.PI * (e - warmupEpochs) / (epochs - warmupEpochs)));
        foreach (var g in optimizer.ParamGroups) g.LearningRate = lr;
    },
    e => smoothing = Math.Max(0.0, 0.2 - 0.01 * e),
    e => Console.WriteLine($"--- epoch {e + 1}/{epochs}: lr {optimizer.ParamGroups.First().LearningRate:G3}, smoothing {smoothing:F2}"),
];

for (int epoch = 0; epoch < epochs; epoch++)
{
    foreach (var hook in onEpochStart)
        hook(epoch);

    model.train();
    int step = 0;
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"], label_smoothing: smoothing);
        loss.backward();
        optimizer.step();
        if (++step % 100 == 0)
            Console.WriteLine($"epoch {epoch} step {step}: loss {loss.item<float>():F4}");
    }
    model.save($"checkpoints/cnn_epoch{epoch:D2}.bin");
}
