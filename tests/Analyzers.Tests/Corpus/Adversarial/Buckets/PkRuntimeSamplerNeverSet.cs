// Scenario: metric-learning script (top-level program) drawing P×K batches from the runtime's ClassBalancedBatchSampler, with a plain evaluation loader; the training loop never sets the epoch — wrong: every epoch replays the same P×K batches (CMP002). The evaluation loader does not shuffle and needs nothing.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int MaxEpochs = 30;
const int EmbeddingDim = 128;

var train = LoadSplit("train", 6000);
var gallery = LoadSplit("gallery", 1000);
long[] labels = train.Columns["label"].data<long>().ToArray();

using var trainLoader = new EpochDataLoader(train,
    batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: 3));
using var galleryLoader = new EpochDataLoader(gallery, batchSize: 256);

var net = nn.Sequential(
    ("fc1", nn.Linear(512, 256)),
    ("relu", nn.ReLU()),
    ("fc2", nn.Linear(256, EmbeddingDim)));
var optimizer = optim.Adam(net.parameters(), 3e-4);

for (int epoch = 0; epoch < MaxEpochs; epoch++)
{
    net.train();
    double sum = 0;
    foreach (var batch in trainLoader) //! CMP002
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var emb = nn.functional.normalize(net.call(batch["data"]), dim: 1);
        var loss = BatchHardTripletLoss(emb, batch["label"], margin: 0.2);
        loss.backward();
        optimizer.step();
        sum += loss.item<float>();
    }

    net.eval();
    int seen = 0;
    using (no_grad())
    {
        foreach (var batch in galleryLoader)
            seen += (int)net.call(batch["data"]).shape[0];
    }
    Console.WriteLine($"epoch {epoch}: triplet {sum / trainLoader.Count:F4}, embedded {seen} gallery images");
}

static Tensor BatchHardTripletLoss(Tensor emb, Tensor labels, double margin)
{
    var dist = cdist(emb, emb);
    var same = labels.unsqueeze(0).eq(labels.unsqueeze(1));
    var hardestPositive = dist.masked_fill(same.logical_not(), 0).max(1).values;
    var hardestNegative = dist.masked_fill(same, 1e9).min(1).values;
    return nn.functional.relu(hardestPositive - hardestNegative + margin).mean();
}

static InMemoryDataset LoadSplit(string split, int n)
{
    var gen = new Generator(split == "train" ? 1UL : 2UL);
    return new InMemoryDataset(new Dictionary<string, Tensor>
    {
        ["data"] = randn(new long[] { n, 512 }, generator: gen),
        ["label"] = randint(0, 100, new long[] { n }, generator: gen),
    });
}
