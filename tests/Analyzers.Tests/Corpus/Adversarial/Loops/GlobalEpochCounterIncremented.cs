// Scenario: a while loop restores globalEpoch from a checkpoint, passes it to Epochs.SetEpoch and advances it with globalEpoch++ each pass; a later loop only prints history: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

string stateFile = "run/state.txt";
int globalEpoch = File.Exists(stateFile) ? int.Parse(File.ReadAllText(stateFile)) : 0;
int budget = 10;

using var train = new FashionMnist(train: true);
using var loader = new EpochDataLoader(train, batchSize: 128, shuffle: true, seed: 2);
var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 128)), ("relu", nn.ReLU()), ("fc2", nn.Linear(128, 10)));
if (File.Exists("run/model.bin")) model.load("run/model.bin");
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
var history = new List<(int Epoch, double Loss)>();

while (budget-- > 0)
{
    Epochs.SetEpoch(loader, globalEpoch);
    double total = 0;
    foreach (var batch in loader)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
    }
    history.Add((globalEpoch, total / loader.Count));
    globalEpoch++;
    model.save("run/model.bin");
    File.WriteAllText(stateFile, globalEpoch.ToString());
}

for (int i = 0; i < history.Count; i++)
    Console.WriteLine($"epoch {history[i].Epoch}: loss {history[i].Loss:F4}");
