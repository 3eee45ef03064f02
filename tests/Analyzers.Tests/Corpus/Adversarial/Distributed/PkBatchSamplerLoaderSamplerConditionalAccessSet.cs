// Scenario: distributed metric learning builds its loader from a ClassBalancedBatchSampler but the epoch loop sets the epoch with (train.Sampler as IEpochAware)?.SetEpoch(epoch), which reaches only the sequential sampler: every epoch replays epoch 0's P×K batches (CMP001).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

Dist.Initialize();
var data = new FashionMnist(train: true);
var labels = data.Columns["label"].data<long>().ToArray();
var train = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 8,
    seed: 123, numReplicas: Dist.WorldSize, rank: Dist.Rank));

var backbone = nn.Sequential(
    ("conv", nn.Conv2d(1, 32, 3, stride: 2, padding: 1)), ("bn", nn.BatchNorm2d(32)), ("act", nn.ReLU()),
    ("pool", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("emb", nn.Linear(32, 64)));
var opt = optim.SGD(backbone.parameters(), 0.05, momentum: 0.9);
using var reducer = new GradientAllReducer(backbone);
reducer.BroadcastParameters();
const float temperature = 0.1f;

for (int epoch = 0; epoch < 40; epoch++)
{
    (train.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        opt.zero_grad();
        var z = nn.functional.normalize(backbone.forward(batch["data"]), dim: 1);
        var y = batch["label"];
        // Supervised contrastive loss over the P×K batch.
        var logits = z.matmul(z.t()) / temperature - eye(z.shape[0]) * 1e4f;
        var positives = y.unsqueeze(0).eq(y.unsqueeze(1)).to_type(ScalarType.Float32) - eye(z.shape[0]);
        var logProb = nn.functional.log_softmax(logits, 1);
        var loss = -(logProb * positives).sum(1).div(positives.sum(1).clamp_min(1)).mean();
        loss.backward();
        reducer.AverageGradients();
        opt.step();
    }
    if (Dist.Rank == 0 && epoch % 10 == 9) backbone.save($"supcon-{epoch}.bin");
}
