// Scenario: plain TorchSharp DataLoader with shuffle: true and seed: 1234 + rank so each rank sees a different order — but the order is the same every epoch, wrong (CMP003)
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

int rank = int.Parse(Environment.GetEnvironmentVariable("LOCAL_RANK") ?? "0");
int worldSize = int.Parse(Environment.GetEnvironmentVariable("WORLD_SIZE") ?? "1");
bool isMainProcess = rank == 0;

// each process loads its own pre-split part of the click logs
var part = LoadPart($"/data/ctr/part-{rank:D2}-of-{worldSize:D2}.bin");

using var loader = utils.data.DataLoader(part, batchSize: 512, shuffle: true, seed: 1234 + rank); //! CMP003

var model = nn.Sequential(
    ("emb", nn.Linear(39, 128)),
    ("relu1", nn.ReLU()),
    ("mlp", nn.Linear(128, 64)),
    ("relu2", nn.ReLU()),
    ("logit", nn.Linear(64, 1)));
using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();
var opt = optim.Adam(model.parameters(), lr: 1e-3);
var bce = nn.BCEWithLogitsLoss();

for (int epoch = 0; epoch < 8; epoch++)
{
    double total = 0;
    long n = 0;
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        opt.zero_grad();
        var loss = bce.forward(model.forward(batch["data"]).squeeze(1), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        opt.step();
        total += loss.item<float>();
        n++;
    }
    if (isMainProcess) Console.WriteLine($"epoch {epoch}: logloss {total / n:F5}");
}

static Composer.Data.InMemoryDataset LoadPart(string path)
{
    var rows = File.Exists(path) ? (int)(new FileInfo(path).Length / (40 * sizeof(float))) : 10_000;
    var raw = File.Exists(path) ? from_file(path, size: rows * 40L).reshape(rows, 40) : rand(rows, 40);
    return new Composer.Data.InMemoryDataset(new Dictionary<string, Tensor>
    {
        ["data"] = raw[.., 1..].contiguous(),
        ["label"] = raw[.., 0].contiguous(),
    });
}
