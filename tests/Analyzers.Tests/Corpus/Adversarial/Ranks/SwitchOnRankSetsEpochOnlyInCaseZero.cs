// Scenario: the epoch is set only in `case 0:` of a `switch (Dist.Rank)` that also prints the banner, so ranks 1..N never reshuffle: wrong, CMP002 on the iteration (held-out round Ranks labelled it correct code by the page's named limit then; a case of a switch on the rank is a rank branch since)
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
var data = new FashionMnist(train: true);
var shard = new DistributedSampler(data.Count, seed: 90);
using var train = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 128));

var model = nn.Sequential(("flat", nn.Flatten()), ("fc1", nn.Linear(784, 256)), ("relu", nn.ReLU()), ("fc2", nn.Linear(256, 10)));
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var opt = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
var ce = nn.CrossEntropyLoss();

for (int epoch = 0; epoch < 10; epoch++)
{
    switch (Dist.Rank)
    {
        case 0:
            Console.WriteLine($"--- epoch {epoch} ({Dist.WorldSize} ranks, {train.Count} batches each) ---");
            train.SetEpoch(epoch);
            break;
        default:
            break;
    }

    foreach (var batch in train) //! CMP002
    {
        using var scope = NewDisposeScope();
        opt.zero_grad();
        ce.forward(model.forward(batch["data"]), batch["label"]).backward();
        reducer.AverageGradients();
        opt.step();
    }
    Dist.Barrier();
}
