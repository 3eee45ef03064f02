// Scenario: transfer learning; the head-only phase uses a shuffled loader, the unfreeze phase rebuilds it over a sharded batch sampler but keeps batchSize: 64 and shuffle: true next to batchSampler: throws at construction (CMP006 twice); the epochs are set right in both phases.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int HeadEpochs = 3;
const int FullEpochs = 12;
const int BatchSize = 64;

manual_seed(1);
using var features = randn(4096, 3, 32, 32);
using var targets = randint(0, 10, new long[] { 4096 }, dtype: int64);
using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = features, ["label"] = targets });

var backbone = nn.Sequential(
    ("conv1", nn.Conv2d(3, 32, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(32, 64, 3, padding: 1)), ("relu2", nn.ReLU()), ("gap", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()));
var head = nn.Linear(64, 10);
var model = nn.Sequential(("backbone", backbone), ("head", head));

// Phase 1: backbone frozen, only the head learns.
foreach (var p in backbone.parameters()) p.requires_grad = false;
using (var headLoader = new EpochDataLoader(data, batchSize: BatchSize, shuffle: true, seed: 3))
using (var headOpt = optim.Adam(head.parameters(), 1e-3))
{
    for (int epoch = 0; epoch < HeadEpochs; epoch++)
    {
        headLoader.SetEpoch(epoch);
        RunEpoch(headLoader, headOpt);
    }
}

// Phase 2: unfreeze everything, shard the data over the ranks, lower learning rate.
foreach (var p in backbone.parameters()) p.requires_grad = true;
var shard = new DistributedSampler(data.Count, seed: 3, dropLast: true);
using var fullLoader = new EpochDataLoader(data, batchSize: BatchSize, shuffle: true, batchSampler: new BatchSampler(shard, BatchSize, dropLast: true)); //! CMP006 CMP006
using var fullOpt = optim.SGD(model.parameters(), 1e-3, momentum: 0.9);
for (int epoch = HeadEpochs; epoch < HeadEpochs + FullEpochs; epoch++)
{
    Epochs.SetEpoch(fullLoader, epoch);
    RunEpoch(fullLoader, fullOpt);
}

void RunEpoch(EpochDataLoader loader, optim.Optimizer opt)
{
    model.train();
    foreach (var batch in loader)
    {
        opt.zero_grad();
        using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        opt.step();
    }
}
