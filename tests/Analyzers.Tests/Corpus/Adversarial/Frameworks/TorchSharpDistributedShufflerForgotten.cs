// Scenario: a DDP script passes a DistributedSampler as the shuffler of TorchSharp's own DataLoader and trains several epochs without ever setting the sampler's epoch (bug).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

Dist.Initialize();
var ds = new FashionMnist(FashionMnist.DefaultFolder, train: true);
var shuffler = new DistributedSampler(ds.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 7);
using var loader = new DataLoader(ds, 64, shuffler, disposeDataset: false);

var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 256)),
    ("relu", nn.ReLU()),
    ("fc2", nn.Linear(256, 10)));
var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var optimizer = optim.SGD(model.parameters(), learningRate: 0.05, momentum: 0.9);

const int Epochs = 8;
for (int epoch = 0; epoch < Epochs; epoch++)
{
    model.train();
    foreach (var batch in loader) //! CMP002
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
    }
    if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch} finished");
}
