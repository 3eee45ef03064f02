// Scenario: a step-budgeted language-model run restores `globalStep`, computes `epoch = globalStep / stepsPerEpoch` at the top of each pass and calls `train.SetEpoch(epoch)` before `IterateFrom(globalStep % stepsPerEpoch)`; the epoch changes because the pass advances globalStep — right
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const long MaxSteps = 100_000;
const long SaveEvery = 2_500;
const int Vocab = 8_192, Context = 128, Width = 256;
const string RunDir = "runs/tiny-lm";

var tokens = torch.load("data/corpus_windows.pt");          // [N, Context + 1] int64
var windows = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["input"] = tokens[.., ..Context],
    ["target"] = tokens[.., 1..],
});
using var train = new EpochDataLoader(windows, batchSize: 32, shuffle: true, seed: 1337, dropLast: true);

var model = nn.Sequential(
    ("embed", nn.Embedding(Vocab, Width)),
    ("mix", nn.Linear(Width, Width)), ("act", nn.GELU()),
    ("lm_head", nn.Linear(Width, Vocab)));
var optimizer = optim.AdamW(model.parameters(), lr: 6e-4, weight_decay: 0.1);

long globalStep = 0;
var statePath = Path.Combine(RunDir, "trainer_state.json");
if (File.Exists(statePath))
{
    globalStep = JsonSerializer.Deserialize<TrainerState>(File.ReadAllText(statePath))!.GlobalStep;
    model.load(Path.Combine(RunDir, "model.bin"));
}

long stepsPerEpoch = train.Count;
while (globalStep < MaxSteps)
{
    int epoch = (int)(globalStep / stepsPerEpoch);
    train.SetEpoch(epoch);

    foreach (var batch in train.IterateFrom(globalStep % stepsPerEpoch))
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var logits = model.call(batch["input"]);
        var loss = nn.functional.cross_entropy(logits.reshape(-1, Vocab), batch["target"].reshape(-1));
        loss.backward();
        nn.utils.clip_grad_norm_(model.parameters(), 1.0);
        optimizer.step();

        if (++globalStep % SaveEvery == 0)
        {
            Directory.CreateDirectory(RunDir);
            model.save(Path.Combine(RunDir, "model.bin"));
            File.WriteAllText(statePath, JsonSerializer.Serialize(new TrainerState(globalStep)));
        }
        if (globalStep >= MaxSteps) break;
    }
}

record TrainerState(long GlobalStep);
