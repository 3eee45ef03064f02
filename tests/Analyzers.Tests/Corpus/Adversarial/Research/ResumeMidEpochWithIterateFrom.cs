// Scenario: a notebook that resumes mid-epoch from a saved (epoch, batch) position: sets the loader's epoch at the top of every epoch and skips the consumed batches with IterateFrom only in the first resumed epoch — right
using System.Text.Json;
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const string CkptDir = "runs/wide-mlp";
const int Epochs = 30;
const int SaveEvery = 200; // batches

Directory.CreateDirectory(CkptDir);
var posPath = Path.Combine(CkptDir, "position.json");
var weightsPath = Path.Combine(CkptDir, "weights.bin");

Reproducibility.SeedAll(3);
using var data = new FashionMnist(train: true);
var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 3);
var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 2048)), ("relu", ReLU()), ("fc2", Linear(2048, 10)));
var opt = optim.Adam(model.parameters(), lr: 3e-4);

int startEpoch = 0;
long startBatch = 0;
if (File.Exists(posPath))
{
    var pos = JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllText(posPath))!;
    startEpoch = (int)pos["epoch"];
    startBatch = pos["batch"];
    model.load(weightsPath);
    Console.WriteLine($"resuming epoch {startEpoch} at batch {startBatch}/{train.Count}");
}

for (int epoch = startEpoch; epoch < Epochs; epoch++)
{
    train.SetEpoch(epoch);
    long step = epoch == startEpoch ? startBatch : 0;
    model.train();
    foreach (var batch in train.IterateFrom(step))
    {
        using var scope = NewDisposeScope();
        var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        opt.zero_grad();
        loss.backward();
        opt.step();
        step++;

        if (step % SaveEvery == 0)
        {
            model.save(weightsPath);
            File.WriteAllText(posPath, JsonSerializer.Serialize(new Dictionary<string, long> { ["epoch"] = epoch, ["batch"] = step }));
        }
    }
    Console.WriteLine($"epoch {epoch} done");
    model.save(weightsPath);
    File.WriteAllText(posPath, JsonSerializer.Serialize(new Dictionary<string, long> { ["epoch"] = epoch + 1, ["batch"] = 0 }));
}
