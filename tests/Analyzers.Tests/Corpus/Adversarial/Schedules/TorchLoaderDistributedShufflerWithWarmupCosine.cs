// Scenario: TorchSharp DataLoader given a DistributedSampler as its shuffler, warmup+cosine LR stepped per batch, a clipping threshold that loosens per epoch, and shard.SetEpoch(epoch) each epoch — right
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

Dist.Initialize();
const int epochs = 15;
const int warmupEpochs = 2;

using var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.load("data/features.pt"),   // N x 64 tabular features
    ["label"] = torch.load("data/labels.pt"),    // N int64
});

// each rank gets its own shard; the sampler reshuffles from (seed, epoch)
var shard = new DistributedSampler(data.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 11);
using var train = new DataLoader(data, 256, shard, disposeDataset: false);

var model = nn.Sequential(
    ("fc1", nn.Linear(64, 256)), ("gelu1", nn.GELU()),
    ("fc2", nn.Linear(256, 256)), ("gelu2", nn.GELU()),
    ("out", nn.Linear(256, 5)));
var optimizer = torch.optim.AdamW(model.parameters(), 1e-3, weight_decay: 1e-2);

int stepsPerEpoch = (int)Math.Ceiling(shard.Count / 256.0);
var warmup = torch.optim.lr_scheduler.LinearLR(optimizer, start_factor: 0.01, end_factor: 1.0, total_iters: warmupEpochs * stepsPerEpoch);
var cosine = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max: (epochs - warmupEpochs) * stepsPerEpoch, eta_min: 1e-6);
var scheduler = torch.optim.lr_scheduler.SequentialLR(optimizer, new[] { warmup, cosine }, new[] { warmupEpochs * stepsPerEpoch });

for (int epoch = 0; epoch < epochs; epoch++)
{
    shard.SetEpoch(epoch);
    double maxNorm = epoch < warmupEpochs ? 0.5 : 1.0;   // clip harder while the LR ramps up

    model.train();
    double total = 0;
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        foreach (var p in model.parameters())
            if (p.grad is { } g) { Dist.AllReduce(g); g.div_(Dist.WorldSize); }
        nn.utils.clip_grad_norm_(model.parameters(), maxNorm);
        optimizer.step();
        scheduler.step();
        total += loss.item<float>();
    }

    if (Dist.Rank == 0)
    {
        Console.WriteLine($"epoch {epoch}  clip {maxNorm}  lr {scheduler.get_last_lr().First():E2}  loss {total / stepsPerEpoch:F4}");
        model.save($"checkpoints/tabular_epoch{epoch:D2}.bin");
    }
}
