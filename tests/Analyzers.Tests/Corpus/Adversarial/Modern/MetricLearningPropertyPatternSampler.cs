// Scenario: metric learning with a P×K ClassBalancedBatchSampler; each epoch the user reshuffles through the property pattern `pk is { Sampler: IEpochAware sampler }`, but the loader's Sampler is a plain SequentialSampler — the batch sampler never gets the epoch (CMP001).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int EpochCount = 30;
const float Margin = 0.2f;

using var features = randn(4096, 128);
using var labelTensor = randint(0, 64, [4096], dtype: ScalarType.Int64);
long[] labels = [.. labelTensor.data<long>()];

var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = features, ["label"] = labelTensor });
using var pk = new EpochDataLoader(data,
    batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: 13));

var embedder = Sequential(
    ("fc1", Linear(128, 256)),
    ("act", GELU()),
    ("fc2", Linear(256, 64)));
var optimizer = optim.AdamW(embedder.parameters(), lr: 3e-4);

for (var epoch = 0; epoch < EpochCount; epoch++)
{
    if (pk is { Sampler: IEpochAware sampler }) sampler.SetEpoch(epoch); //! CMP001

    var losses = new List<float>();
    foreach (var batch in pk)
    {
        // P×K batches are always 16 classes × 4 samples; skip anything else
        if (batch["data"].shape is not [64, 128]) continue;

        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var emb = functional.normalize(embedder.call(batch["data"]), p: 2, dim: 1);
        var y = batch["label"];

        var dist = cdist(emb, emb);
        var same = y.unsqueeze(1).eq(y.unsqueeze(0));
        var hardestPositive = dist.masked_fill(same.logical_not(), 0).amax([1]);
        var hardestNegative = dist.masked_fill(same, float.PositiveInfinity).amin([1]);
        var loss = functional.relu(hardestPositive - hardestNegative + Margin).mean();

        loss.backward();
        optimizer.step();
        losses.Add(loss.item<float>());
    }

    var summary = losses switch
    {
        [] => "no full batches",
        [var only] => $"one batch, loss {only:F4}",
        [var first, .., var last] => $"{losses.Count} batches, loss {first:F4} -> {last:F4} (mean {losses.Average():F4})",
    };
    Console.WriteLine($"epoch {epoch}: {summary}");
}
