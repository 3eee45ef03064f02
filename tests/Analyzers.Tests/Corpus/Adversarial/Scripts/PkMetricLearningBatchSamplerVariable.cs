// Scenario: P×K metric learning with a ClassBalancedBatchSampler held in a variable; its epoch is set each epoch on that variable (the loader's batch sampler), retrieval eval every 5 epochs on a plain loader; correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var n = 5000;
var labelsTensor = randint(0, 100, new long[] { n });
var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(n, 256),
    ["label"] = labelsTensor,
});
IReadOnlyList<long> labels = labelsTensor.data<long>().ToArray();

var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: 11);
using var train = new EpochDataLoader(data, batchSampler: pk);
using var gallery = new EpochDataLoader(data, batchSize: 500);

var embed = nn.Sequential(nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 64));
var opt = optim.Adam(embed.parameters(), lr: 3e-4);
const double margin = 0.2;

Tensor BatchHardTriplet(Tensor emb, Tensor y)
{
    var z = nn.functional.normalize(emb, dim: 1);
    var dist = cdist(z, z);
    var same = y.unsqueeze(0).eq(y.unsqueeze(1));
    var hardestPos = (dist * same.to_type(ScalarType.Float32)).max(1).values;
    var hardestNeg = dist.masked_fill(same, 1e9).min(1).values;
    return nn.functional.relu(hardestPos - hardestNeg + margin).mean();
}

for (int epoch = 0; epoch < 50; epoch++)
{
    pk.SetEpoch(epoch);
    embed.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        opt.zero_grad();
        var loss = BatchHardTriplet(embed.call(batch["data"]), batch["label"]);
        loss.backward();
        opt.step();
    }

    if ((epoch + 1) % 5 != 0) continue;
    embed.eval();
    var embs = new List<Tensor>();
    using (no_grad())
        foreach (var batch in gallery)
            embs.Add(nn.functional.normalize(embed.call(batch["data"]), dim: 1));
    var all = cat(embs, 0);
    var sim = all.matmul(all.t()) - eye(all.shape[0]) * 2;
    var nn1 = sim.argmax(1);
    var recall1 = labelsTensor[nn1].eq(labelsTensor).to_type(ScalarType.Float32).mean().item<float>();
    Console.WriteLine($"epoch {epoch}: recall@1 {recall1:P1}");
}
