// Scenario: metric-learning DDP run draws P×K batches from a per-rank ClassBalancedBatchSampler but sets the epoch through `loader.Sampler is IEpochAware` (left over from the DistributedSampler version) — wrong (CMP001)
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

var data = new FashionMnist(train: true);
long[] labels = data.Columns["label"].data<long>().ToArray();

// 8 classes x 4 images per batch, each rank gets its own share of the batches
var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 99,
    numReplicas: Dist.WorldSize, rank: Dist.Rank);
using var loader = new EpochDataLoader(data, batchSampler: pk);

var embed = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 256)),
    ("relu", nn.ReLU()),
    ("fc2", nn.Linear(256, 64)));
var head = nn.Linear(64, 10);
using var reducer = new GradientAllReducer(nn.ModuleList<nn.Module>(embed, head));
reducer.BroadcastParameters();
var parameters = embed.parameters().Concat(head.parameters());
var opt = optim.Adam(parameters, lr: 5e-4);
var ce = nn.CrossEntropyLoss();

for (int epoch = 0; epoch < 25; epoch++)
{
    // new P×K draw for this epoch
    if (loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001

    double sum = 0;
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        opt.zero_grad();
        var z = nn.functional.normalize(embed.forward(batch["data"]), p: 2, dim: 1);
        var loss = ce.forward(head.forward(z), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        opt.step();
        sum += loss.item<float>();
    }

    if (Dist.Rank == 0)
        Console.WriteLine($"epoch {epoch}: mean loss {sum / loader.Count:F4}");
}
