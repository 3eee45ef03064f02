// Scenario: beginner ports PyTorch's `train_loader.sampler.set_epoch(epoch)` to a loader built with batchSampler: over a DistributedSampler, so they set `trainLoader.Sampler`: wrong, the loader's Sampler is a plain SequentialSampler and the batch sampler never reshuffles (CMP001)
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

Dist.Initialize();
Console.WriteLine($"rank {Dist.Rank} of {Dist.WorldSize}");

var dataset = new FashionMnist();

// the DDP tutorial uses DistributedSampler, and I want fixed 64 batches so I wrapped it in BatchSampler
var ddpSampler = new DistributedSampler(dataset.Count, seed: 7);
var trainLoader = new EpochDataLoader(dataset, batchSampler: new BatchSampler(ddpSampler, 64, dropLast: true));

var net = Sequential(
    ("flatten", Flatten()),
    ("hidden", Linear(784, 300)),
    ("act", ReLU()),
    ("out", Linear(300, 10)));

// make every rank start from the same weights
foreach (var p in net.parameters())
    Dist.Broadcast(p, root: 0);

var opt = torch.optim.SGD(net.parameters(), 0.05);
var lossFn = CrossEntropyLoss();
var epochs = 8;

for (var epoch = 0; epoch < epochs; epoch++)
{
    // python: train_loader.sampler.set_epoch(epoch)
    if (trainLoader.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001

    var total = 0.0;
    var n = 0;
    foreach (var batch in trainLoader)
    {
        using var scope = torch.NewDisposeScope();
        opt.zero_grad();
        var loss = lossFn.forward(net.forward(batch["data"]), batch["label"]);
        loss.backward();

        // average the gradients over all ranks
        foreach (var p in net.parameters())
        {
            Dist.AllReduce(p.grad!);
            p.grad!.div_(Dist.WorldSize);
        }
        opt.step();
        total += loss.item<float>();
        n++;
    }

    if (Dist.Rank == 0)
        Console.WriteLine($"epoch {epoch}  loss={total / n:0.0000}  ({n} batches)");
}

if (Dist.Rank == 0)
    net.save("ddp_model.bin");
