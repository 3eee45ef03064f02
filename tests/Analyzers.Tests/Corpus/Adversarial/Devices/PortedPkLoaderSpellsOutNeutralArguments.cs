// Scenario: a P×K metric-learning loader ported from PyTorch with every argument spelled out — batchSize: 1, shuffle: false, sampler: null, dropLast: false beside batchSampler: are PyTorch's neutral values, not conflicts; the epoch is set on the whole loader each epoch and the final retrieval check runs once on the CPU — right, nothing to report.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

var device = cuda.is_available() ? new Device(DeviceType.CUDA, Dist.LocalRank % cuda.device_count()) : CPU;

var gallery = new FashionMnist(train: true);
var queries = new FashionMnist(train: false);
long[] labels = gallery.Columns["label"].data<long>().ToArray();

// DataLoader(gallery, batch_size=1, shuffle=False, sampler=None, batch_sampler=pk, drop_last=False)
var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 10, samplesPerClass: 6, seed: 61);
using var train = new EpochDataLoader(gallery, batchSize: 1, shuffle: false, sampler: null, batchSampler: pk, dropLast: false, device: device);

var embed = nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 128));
embed.to(device);
var optimizer = optim.Adam(embed.parameters(), lr: 3e-4);

for (int epoch = 0; epoch < 25; epoch++)
{
    train.SetEpoch(epoch);
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        var z = nn.functional.normalize(embed.call(batch["data"]), dim: 1);
        var y = batch["label"];
        // Supervised contrastive loss, temperature 0.1.
        var similarity = z.matmul(z.t()) / 0.1;
        var self = eye(z.shape[0], dtype: ScalarType.Bool, device: z.device);
        var positives = y.unsqueeze(0).eq(y.unsqueeze(1)).logical_and(self.logical_not());
        var logProb = similarity.masked_fill(self, double.NegativeInfinity).log_softmax(1);
        var loss = -(logProb.masked_fill(positives.logical_not(), 0).sum(1) / positives.sum(1)).mean();
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
}

// Recall@1 on the CPU, once, after training: embed the gallery and the queries in order.
embed.to(CPU);
embed.eval();
using var galleryLoader = new EpochDataLoader(gallery, batchSize: 2048);
using var queryLoader = new EpochDataLoader(queries, batchSize: 2048);
using (no_grad())
{
    var g = cat(galleryLoader.Select(b => nn.functional.normalize(embed.call(b["data"]), dim: 1)).ToList(), 0);
    var q = cat(queryLoader.Select(b => nn.functional.normalize(embed.call(b["data"]), dim: 1)).ToList(), 0);
    var nearest = q.matmul(g.t()).argmax(1);
    var recall = gallery.Columns["label"].index_select(0, nearest).eq(queries.Columns["label"]).to(ScalarType.Float32).mean();
    Console.WriteLine($"recall@1: {recall.item<float>():P2}");
}
