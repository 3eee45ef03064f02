// Scenario: Lightning's _set_sampler_epoch ported by hand sets the loader's Sampler and the DistributedSampler variable its BatchSampler was built over; the batch sampler draws from that sampler, so the order changes per epoch (correct).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

var ds = new FashionMnist(FashionMnist.DefaultFolder, train: true);
var inner = new DistributedSampler(ds.Count, Dist.WorldSize, Dist.Rank, seed: 3);
var batches = new BatchSampler(inner, batchSize: 32, dropLast: true);
using var train = new EpochDataLoader(ds, batchSampler: batches);

var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 128)), ("relu", nn.ReLU()), ("fc2", nn.Linear(128, 10)));
var optimizer = optim.SGD(model.parameters(), learningRate: 0.05);

for (int epoch = 0; epoch < 5; epoch++)
{
    // _set_sampler_epoch(dataloader, epoch): sampler, then batch_sampler.sampler
    if (train.Sampler is IEpochAware sampler)
        sampler.SetEpoch(epoch);
    inner.SetEpoch(epoch);

    foreach (var batch in train)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }
    Console.WriteLine($"epoch {epoch}: sampler epoch {inner.Epoch}");
}
