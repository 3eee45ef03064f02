// Scenario: a step-budgeted run restores `globalStep` from its checkpoint, derives `epoch = globalStep / stepsPerEpoch` and the batch to resume from, but only logs the epoch: the RandomSampler-backed loader is never told it, so every epoch replays one order — wrong (CMP002)
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const long TotalSteps = 60_000;
const long SaveEvery = 1_000;
const string StatePath = "runs/autoenc/state.json";
const string WeightsPath = "runs/autoenc/weights.bin";

using var images = new FashionMnist(train: true);
using var loader = new EpochDataLoader(images, batchSize: 128, sampler: new RandomSampler(images.Count, seed: 9));

var encoder = nn.Sequential(("flatten", nn.Flatten()), ("enc1", nn.Linear(784, 256)), ("relu", nn.ReLU()), ("code", nn.Linear(256, 32)));
var decoder = nn.Sequential(("dec1", nn.Linear(32, 256)), ("relu", nn.ReLU()), ("out", nn.Linear(256, 784)), ("sig", nn.Sigmoid()));
var model = nn.Sequential(("encoder", encoder), ("decoder", decoder));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

long globalStep = 0;
if (File.Exists(StatePath))
{
    globalStep = JsonSerializer.Deserialize<RunState>(File.ReadAllText(StatePath))!.GlobalStep;
    model.load(WeightsPath);
}

long stepsPerEpoch = loader.Count;
while (globalStep < TotalSteps)
{
    int epoch = (int)(globalStep / stepsPerEpoch);
    long skip = globalStep % stepsPerEpoch;
    Console.WriteLine($"epoch {epoch} (step {globalStep}/{TotalSteps}{(skip > 0 ? $", resuming at batch {skip}" : "")})");

    foreach (var batch in loader.IterateFrom(skip)) //! CMP002
    {
        using var scope = NewDisposeScope();
        var x = batch["data"].flatten(1);
        optimizer.zero_grad();
        var loss = nn.functional.mse_loss(model.call(x), x);
        loss.backward();
        optimizer.step();

        globalStep++;
        if (globalStep % SaveEvery == 0)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(StatePath)!);
            model.save(WeightsPath);
            File.WriteAllText(StatePath, JsonSerializer.Serialize(new RunState(globalStep)));
        }
        if (globalStep >= TotalSteps) break;
    }
}

record RunState(long GlobalStep);
