// Scenario: a webdataset-style shuffle buffer: an in-order loader streams batches of a huge tensor file, and an iterator mixes them in a buffer seeded with BaseSeed + epoch — right: the loader reads in order (nothing epoch-dependent to set), and the buffer gets a new seed every epoch.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int BaseSeed = 4_096;
const int BufferBatches = 64;

var features = torch.load("/data/stream/features.pt");   // [N, 128], already on disk in arrival order
var targets = torch.load("/data/stream/targets.pt");      // [N]
using var rows = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = features, ["label"] = targets });

// in order, and the buffer keeps batches alive, so the loader must not dispose them
using var stream = new EpochDataLoader(rows, batchSize: 256, disposeBatches: false, prefetch: true);

var model = nn.Sequential(("fc1", nn.Linear(128, 128)), ("relu", nn.ReLU()), ("fc2", nn.Linear(128, 20)));
var optimizer = optim.SGD(model.parameters(), 0.02, momentum: 0.9, nesterov: true);

for (int epoch = 0; epoch < 15; epoch++)
{
    double total = 0;
    int steps = 0;
    foreach (var batch in ShuffleBuffer(stream, BufferBatches, BaseSeed + epoch))
    {
        using (var scope = torch.NewDisposeScope())
        {
            var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
            steps++;
        }
        foreach (var t in batch.Values) t.Dispose();
    }
    Console.WriteLine($"epoch {epoch}: {total / steps:F4}");
}

// Fills a buffer of `capacity` batches, then yields a random one of them for every batch that comes in.
static IEnumerable<Dictionary<string, Tensor>> ShuffleBuffer(IEnumerable<Dictionary<string, Tensor>> batches, int capacity, int seed)
{
    var random = new Random(seed);
    var buffer = new List<Dictionary<string, Tensor>>(capacity);
    foreach (var batch in batches)
    {
        if (buffer.Count < capacity)
        {
            buffer.Add(batch);
            continue;
        }
        var k = random.Next(capacity);
        yield return buffer[k];
        buffer[k] = batch;
    }
    while (buffer.Count > 0)
    {
        var k = random.Next(buffer.Count);
        yield return buffer[k];
        buffer.RemoveAt(k);
    }
}
