// Scenario: a resumed DDP run loops `for (epoch = checkpointEpoch; …)` and, inside it, a loop over { train, val } sets each loader's epoch to checkpointEpoch (read once before the loop) instead of epoch: the epoch never advances (CMP004 on the inner call, judged by the epoch loop around it).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
int rank = Dist.Rank, world = Dist.WorldSize;
int checkpointEpoch = File.Exists("last-epoch.txt") ? int.Parse(File.ReadAllText("last-epoch.txt")) + 1 : 0;

using var trainSet = new FashionMnist(train: true);
using var testSet = new FashionMnist(train: false);
using var train = new EpochDataLoader(trainSet, batchSize: 128, sampler: new DistributedSampler(trainSet.Count, world, rank, seed: 17), dropLast: true);
using var val = new EpochDataLoader(testSet, batchSize: 512, sampler: new DistributedSampler(testSet.Count, world, rank, shuffle: false));

var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(28 * 28, 256)), ("relu", nn.ReLU()), ("fc2", nn.Linear(256, 10)));
if (checkpointEpoch > 0) model.load("model.bin");
var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
var criterion = nn.CrossEntropyLoss();
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters(root: 0);

const int Epochs = 8;
for (int epoch = checkpointEpoch; epoch < Epochs; epoch++)
{
    foreach (var loader in new[] { train, val })
        loader.SetEpoch(checkpointEpoch); //! CMP004

    model.train();
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = criterion.forward(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
    }

    model.eval();
    var counts = torch.zeros(2, ScalarType.Float64);
    using (torch.no_grad())
    {
        foreach (var batch in val)
        {
            var hits = model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().to_type(ScalarType.Float64);
            counts += torch.stack([hits, torch.tensor((double)batch["label"].shape[0])]);
        }
    }
    Dist.AllReduce(counts);

    if (rank == 0)
    {
        Console.WriteLine($"epoch {epoch}: accuracy {(counts[0] / counts[1]).item<double>():P2}");
        model.save("model.bin");
        File.WriteAllText("last-epoch.txt", epoch.ToString());
    }
    Dist.Barrier();
}
