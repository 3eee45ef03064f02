// Scenario: the loop iterates `loader.Select((b, i) => (b, i))` and sets the DistributedSampler variable the loader was built from when i == 0, inside the iteration of that loader, one epoch late (CMP005); the eval loader's epoch set inside it is fine.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
var trainSet = new FashionMnist(train: true);
var valSet = new FashionMnist(train: false);
var sampler = new DistributedSampler(trainSet.Count, Dist.WorldSize, Dist.Rank, seed: 77);
var loader = new EpochDataLoader(trainSet, 128, sampler: sampler);
var valLoader = new EpochDataLoader(valSet, 1000, sampler: new DistributedSampler(valSet.Count, Dist.WorldSize, Dist.Rank, seed: 1));

var model = nn.Sequential(("flat", nn.Flatten()), ("fc1", nn.Linear(784, 300)), ("act", nn.ELU()), ("fc2", nn.Linear(300, 10)));
var opt = optim.SGD(model.parameters(), 0.1);
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();

for (int epoch = 0; epoch < 10; epoch++)
{
    foreach (var (batch, i) in loader.Select((b, i) => (b, i)))
    {
        if (i == 0)
        {
            sampler.SetEpoch(epoch); //! CMP005
            valLoader.SetEpoch(epoch);
        }
        using var scope = NewDisposeScope();
        opt.zero_grad();
        nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
        reducer.AverageGradients();
        opt.step();
    }

    using (no_grad())
    {
        var loss = zeros(1);
        foreach (var batch in valLoader)
            loss += nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]) / valLoader.Count;
        Dist.AllReduce(loss);
        if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: val loss {(loss / Dist.WorldSize).item<float>():F4}");
    }
}
