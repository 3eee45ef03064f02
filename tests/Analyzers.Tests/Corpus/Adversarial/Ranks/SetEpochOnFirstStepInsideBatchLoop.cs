// Scenario: DDP loop sets the train loader's epoch on the first step inside its own batch loop (next to the rank-0 progress line), so every epoch uses the previous epoch's order — wrong (CMP005)
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
bool isMain = Dist.Rank == 0;
var trainSet = new FashionMnist(train: true);

using var train = new EpochDataLoader(trainSet, batchSize: 64,
    sampler: new DistributedSampler(trainSet.Count, seed: 31337));

var model = nn.Sequential(
    ("flat", nn.Flatten()),
    ("hidden", nn.Linear(784, 512)),
    ("relu", nn.ReLU()),
    ("out", nn.Linear(512, 10)));
using var sync = new GradientAllReducer(model);
sync.BroadcastParameters();
var opt = optim.SGD(model.parameters(), 0.1);
var scheduler = optim.lr_scheduler.StepLR(opt, 5, 0.5);
var loss = nn.CrossEntropyLoss();

for (int epoch = 0; epoch < 15; epoch++)
{
    model.train();
    long step = 0;
    foreach (var batch in train)
    {
        if (step == 0)
        {
            train.SetEpoch(epoch); //! CMP005
            if (isMain) Console.Write($"epoch {epoch} ");
        }

        using var scope = NewDisposeScope();
        opt.zero_grad();
        var l = loss.forward(model.forward(batch["data"]), batch["label"]);
        l.backward();
        sync.AverageGradients();
        opt.step();

        if (isMain && step % 100 == 0) Console.Write('.');
        step++;
    }
    scheduler.step();
    if (isMain) Console.WriteLine($" {step} steps");
}
