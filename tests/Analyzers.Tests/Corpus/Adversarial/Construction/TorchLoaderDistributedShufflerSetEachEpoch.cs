// Scenario: A DDP script gives TorchSharp's DataLoader a DistributedSampler as its shuffler and calls sampler.SetEpoch(epoch) at the top of every epoch; the eval loader's sampler is built with shuffle: false; this is right (negative).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

Dist.Initialize();
Device device = cuda.is_available() ? CUDA : CPU;
var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);

var trainSampler = new DistributedSampler(trainSet.Count, Dist.WorldSize, Dist.Rank, shuffle: true, seed: 17);
var testSampler = new DistributedSampler(testSet.Count, Dist.WorldSize, Dist.Rank, shuffle: false);
using var train = new DataLoader(trainSet, 64, trainSampler, device, disposeDataset: false);
using var test = new DataLoader(testSet, 500, testSampler, device, disposeDataset: false);

var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 256)),
    ("bn", nn.BatchNorm1d(256)),
    ("relu", nn.ReLU()),
    ("fc2", nn.Linear(256, 10))).to(device);
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var optimizer = optim.SGD(model.parameters(), 0.02, momentum: 0.9, nesterov: true);

for (int epoch = 0; epoch < 12; epoch++)
{
    trainSampler.SetEpoch(epoch);
    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
        reducer.AverageGradients();
        optimizer.step();
    }

    model.eval();
    using var correct = zeros(1, dtype: ScalarType.Int64);
    using (no_grad())
    {
        foreach (var batch in test)
        {
            using var scope = NewDisposeScope();
            correct.add_(model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().cpu());
        }
    }
    Dist.AllReduce(correct);
    if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: accuracy {correct.item<long>() / (double)testSet.Count:P2}");
}
