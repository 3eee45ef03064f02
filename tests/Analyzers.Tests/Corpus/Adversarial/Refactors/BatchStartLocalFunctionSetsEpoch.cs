// Scenario: per-batch bookkeeping (warmup, logging) was moved into a local function OnBatchStart(epoch, step), and the reshuffle went with it under "if (step == 0)"; called inside the batch loop, it sets the epoch after the enumeration has fixed its order (wrong).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int Epochs = 20;
const int WarmupSteps = 500;
const double BaseLr = 3e-3;

using var trainSet = new FashionMnist(train: true);
using var train = new EpochDataLoader(trainSet, batchSize: 256, shuffle: true, seed: 1337);

var model = nn.Sequential(
    ("conv", nn.Conv2d(1, 16, kernel_size: 3, padding: 1)),
    ("relu", nn.ReLU()),
    ("pool", nn.MaxPool2d(2)),
    ("flat", nn.Flatten()),
    ("fc", nn.Linear(16 * 14 * 14, 10)));
using var optimizer = optim.SGD(model.parameters(), learningRate: BaseLr, momentum: 0.9);
long globalStep = 0;

void OnBatchStart(int epoch, long step)
{
    if (step == 0)
    {
        train.SetEpoch(epoch); //! CMP005
        Console.WriteLine($"epoch {epoch}: {train.Count} batches");
    }
    if (globalStep < WarmupSteps)
    {
        foreach (var group in optimizer.ParamGroups)
            group.LearningRate = BaseLr * (globalStep + 1) / WarmupSteps;
    }
}

for (int epoch = 0; epoch < Epochs; epoch++)
{
    long step = 0;
    foreach (var batch in train)
    {
        OnBatchStart(epoch, step);
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        step++;
        globalStep++;
    }
}
