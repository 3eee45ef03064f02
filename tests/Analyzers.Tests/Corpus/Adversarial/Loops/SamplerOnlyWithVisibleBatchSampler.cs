// Scenario: the loader draws P×K batches from a ClassBalancedBatchSampler, but the loop sets the epoch on loader.Sampler only (a SequentialSampler): the Composer bug.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

using var data = new FashionMnist(train: true);
long[] labels = data.Columns["label"].data<long>().ToArray();
using var loader = new EpochDataLoader(data,
    batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 10, samplesPerClass: 8, seed: 42));

var embedder = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 256)), ("relu", nn.ReLU()),
    ("fc2", nn.Linear(256, 64)));
var optimizer = optim.Adam(embedder.parameters(), lr: 1e-3);
const float margin = 0.2f;

for (int epoch = 0; epoch < 30; epoch++)
{
    if (loader.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001

    foreach (var batch in loader)
    {
        optimizer.zero_grad();
        using var emb = nn.functional.normalize(embedder.forward(batch["data"]), dim: 1);
        using var dist = torch.cdist(emb, emb);
        using var same = batch["label"].unsqueeze(1).eq(batch["label"].unsqueeze(0));
        using var hardestPositive = dist.masked_fill(same.logical_not(), 0).amax(new long[] { 1 });
        using var hardestNegative = dist.masked_fill(same, 1e4).amin(new long[] { 1 });
        using var loss = nn.functional.relu(hardestPositive - hardestNegative + margin).mean();
        loss.backward();
        optimizer.step();
    }
}
embedder.save("embedder.bin");
