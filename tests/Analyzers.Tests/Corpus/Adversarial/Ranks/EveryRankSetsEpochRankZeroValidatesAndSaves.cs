// Scenario: DDP script sets the train loader's epoch on every rank at the top of the epoch, then rank 0 alone runs a progress line, validation with its own unshuffled loader and checkpointing behind `if (!isMain) continue;` — right
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
int rank = Dist.Rank;
bool isMain = rank == 0;
const int epochs = 20;

var trainSet = new FashionMnist(train: true);
var valSet = new FashionMnist(train: false);

using var train = new EpochDataLoader(trainSet,
    batchSampler: new BatchSampler(new DistributedSampler(trainSet.Count, seed: 42), 128, dropLast: true));
using var val = new EpochDataLoader(valSet, batchSize: 500);   // rank 0 only, in order

var model = nn.Sequential(
    ("conv1", nn.Conv2d(1, 32, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(32, 64, 3, padding: 1)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
    ("flat", nn.Flatten()), ("fc", nn.Linear(64 * 7 * 7, 10)));
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var opt = optim.Adam(model.parameters(), lr: 1e-3);
var criterion = nn.CrossEntropyLoss();
double bestAcc = 0;

for (int epoch = 0; epoch < epochs; epoch++)
{
    Epochs.SetEpoch(train, epoch);   // every rank, before iterating

    model.train();
    long step = 0;
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        opt.zero_grad();
        var loss = criterion.forward(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        opt.step();
        if (isMain && ++step % 50 == 0)
            Console.Write($"\repoch {epoch} [{step}/{train.Count}] loss {loss.item<float>():F4}");
    }

    Dist.Barrier();
    if (!isMain) continue;

    Console.WriteLine();
    model.eval();
    long correct = 0;
    using (no_grad())
        foreach (var batch in val)
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
    var acc = correct / (double)valSet.Count;
    Console.WriteLine($"epoch {epoch}: val acc {acc:P2}");

    if (acc > bestAcc)
    {
        bestAcc = acc;
        Directory.CreateDirectory("checkpoints");
        model.save(Path.Combine("checkpoints", "best.bin"));
    }
}
