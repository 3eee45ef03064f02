// Scenario: P×K metric-learning notebook; the loader draws from a ClassBalancedBatchSampler but the epoch is set through train.Sampler only (a SequentialSampler, not IEpochAware); a bug (CMP001).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

// %% cell: data
var numClasses = 200;
var perClass = 30;
var y = arange(numClasses).repeat_interleave(perClass);
var x = randn(y.shape[0], 512) + y.unsqueeze(1).to_type(ScalarType.Float32) * 0.01;
var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = y });
var labels = y.data<long>().ToArray();

// %% cell: loader (P = 32 classes, K = 4 samples each)
int P = 32, K = 4;
using var train = new EpochDataLoader(data,
    batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: P, samplesPerClass: K, seed: 123));
Console.WriteLine($"{train.Count} P×K batches per epoch");

// %% cell: model + loss
var head = nn.Sequential(nn.Linear(512, 256), nn.BatchNorm1d(256), nn.ReLU(), nn.Linear(256, 128));
var opt = optim.Adam(head.parameters(), lr: 1e-4);
var tripletLoss = nn.TripletMarginLoss(margin: 0.3);

// %% cell: train
for (int epoch = 0; epoch < 30; epoch++)
{
    (train.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
    double running = 0;
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        var emb = nn.functional.normalize(head.call(batch["data"]), dim: 1).view(P, K, -1);
        var anchor = emb[.., 0];
        var positive = emb[.., 1];
        var negative = emb.roll(1, 0)[.., 2];
        var loss = tripletLoss.call(anchor, positive, negative);
        opt.zero_grad();
        loss.backward();
        opt.step();
        running += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch}: triplet {running / train.Count:F4}");
}
