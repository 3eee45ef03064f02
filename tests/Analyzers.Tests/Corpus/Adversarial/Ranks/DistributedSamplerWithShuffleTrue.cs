// Scenario: DDP script passes a DistributedSampler and also shuffle: true to EpochDataLoader (as one would to a plain loader) — the runtime throws at construction, wrong (CMP006 on the shuffle argument)
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
var isRankZero = Dist.Rank == 0;
var data = new FashionMnist(train: true);
var holdout = new FashionMnist(train: false);

using var train = new EpochDataLoader(data, batchSize: 256, shuffle: true, sampler: new DistributedSampler(data.Count, seed: 3)); //! CMP006
using var val = new EpochDataLoader(holdout, batchSize: 1000,
    sampler: new DistributedSampler(holdout.Count, shuffle: false));

var model = nn.Sequential(("flat", nn.Flatten()), ("fc", nn.Linear(784, 10)));
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var opt = optim.SGD(model.parameters(), 0.5);
var ce = nn.CrossEntropyLoss();

for (int epoch = 0; epoch < 12; epoch++)
{
    train.SetEpoch(epoch);
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        opt.zero_grad();
        ce.forward(model.forward(batch["data"]), batch["label"]).backward();
        reducer.AverageGradients();
        opt.step();
    }

    // every rank evaluates its slice, then we sum the counts
    var counts = zeros(2, dtype: int64);
    using (no_grad())
    {
        foreach (var batch in val)
        {
            counts[0] += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum();
            counts[1] += batch["label"].shape[0];
        }
    }
    Dist.AllReduce(counts);
    if (isRankZero)
        Console.WriteLine($"epoch {epoch}: val acc {counts[0].item<long>() / (double)counts[1].item<long>():P2}");
}
