// Scenario: TorchSharp's own DataLoader given a DistributedSampler as its shuffler, with Epochs.SetEpoch(loader, epoch) on every rank each epoch and rank-0 logging — right
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

int rank = Dist.Rank;
int worldSize = Dist.WorldSize;
var data = new FashionMnist(train: true);

var shard = new DistributedSampler(data.Count, numReplicas: worldSize, rank: rank, seed: 314);
using var loader = new DataLoader(data, 64, shard, disposeDataset: false);
long batchesPerRank = (shard.Count + 63) / 64;   // DataLoader.Count would count the whole data set

var model = nn.Sequential(("flat", nn.Flatten()), ("fc1", nn.Linear(784, 300)), ("relu", nn.ReLU()), ("fc2", nn.Linear(300, 10)));
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var opt = optim.Adam(model.parameters(), lr: 1e-3);
var ce = nn.CrossEntropyLoss();

for (int epoch = 0; epoch < 10; epoch++)
{
    Epochs.SetEpoch(loader, epoch);
    double total = 0;
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        opt.zero_grad();
        var loss = ce.forward(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        opt.step();
        total += loss.item<float>();
    }
    if (rank == 0) Console.WriteLine($"epoch {epoch}: loss {total / batchesPerRank:F4}");
}
