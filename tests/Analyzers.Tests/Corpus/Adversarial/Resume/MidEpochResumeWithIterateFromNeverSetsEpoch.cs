// Scenario: a churn-model script saves (epoch, batch) every 200 steps and resumes mid-epoch with `train.IterateFrom(skip)`, but nothing in the epoch loop ever sets the shuffling loader's epoch, so every epoch (and the resumed one) uses epoch 0's order — wrong (CMP002)
using System.Globalization;
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int MaxEpochs = 40;
const int SaveEvery = 200;
const string RunDir = "runs/churn";

// Features: 18 numeric columns, last column is the churn flag.
var rows = File.ReadLines("data/churn_train.csv").Skip(1)
    .Select(line => line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())
    .ToArray();
var features = tensor(rows.SelectMany(r => r[..^1]).ToArray(), new long[] { rows.Length, 18 });
var labels = tensor(rows.Select(r => (long)r[^1]).ToArray());
var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = features, ["label"] = labels });

using var train = new EpochDataLoader(data, batchSize: 256, shuffle: true, seed: 1234, dropLast: true);

var model = nn.Sequential(
    ("fc1", nn.Linear(18, 64)), ("act1", nn.GELU()), ("drop", nn.Dropout(0.1)),
    ("fc2", nn.Linear(64, 32)), ("act2", nn.GELU()),
    ("head", nn.Linear(32, 2)));
var optimizer = optim.Adam(model.parameters(), lr: 3e-4);

var progress = new Progress(0, 0);
var progressPath = Path.Combine(RunDir, "progress.json");
if (File.Exists(progressPath))
{
    progress = JsonSerializer.Deserialize<Progress>(File.ReadAllText(progressPath))!;
    model.load(Path.Combine(RunDir, "model.bin"));
    Console.WriteLine($"resuming epoch {progress.Epoch} at batch {progress.BatchInEpoch} of {train.Count}");
}

for (int epoch = progress.Epoch; epoch < MaxEpochs; epoch++)
{
    long batchInEpoch = epoch == progress.Epoch ? progress.BatchInEpoch : 0;
    model.train();
    foreach (var batch in train.IterateFrom(batchInEpoch)) //! CMP002
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();

        batchInEpoch++;
        if (batchInEpoch % SaveEvery == 0)
            SaveProgress(epoch, batchInEpoch);
    }
    SaveProgress(epoch + 1, 0);
}

void SaveProgress(int epoch, long batchInEpoch)
{
    Directory.CreateDirectory(RunDir);
    model.save(Path.Combine(RunDir, "model.bin"));
    File.WriteAllText(progressPath, JsonSerializer.Serialize(new Progress(epoch, batchInEpoch)));
}

record Progress(int Epoch, long BatchInEpoch);
