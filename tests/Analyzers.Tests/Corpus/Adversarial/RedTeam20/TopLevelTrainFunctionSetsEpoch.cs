// Scenario: the companion of TopLevelTrainFunctionPortedScript written right: the top-level `Train(model, loader, optimizer, epoch)` local function starts with `loader.SetEpoch(epoch)` before its own pass, as PyTorch's DDP examples do inside train(). "A local function that sets the epoch of a loader it receives as a parameter (… called as Begin(train, epoch)) sets train's": correct, no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(5000, 20), ["target"] = randint(0, 4, new long[] { 5000 }) });
using var train = new EpochDataLoader(trainSet, batchSize: 50, sampler: new DistributedSampler(trainSet.Count, numReplicas: 1, rank: 0, seed: 13));
var model = nn.Sequential(("fc1", nn.Linear(20, 50)), ("relu", nn.ReLU()), ("fc2", nn.Linear(50, 4)));
var optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.5);

for (int epoch = 1; epoch <= 10; epoch++)
    Train(model, train, optimizer, epoch);

void Train(nn.Module<Tensor, Tensor> net, EpochDataLoader loader, optim.Optimizer opt, int epoch)
{
    loader.SetEpoch(epoch);
    net.train();
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        opt.zero_grad();
        nn.functional.cross_entropy(net.forward(batch["data"]), batch["target"]).backward();
        opt.step();
    }
}
