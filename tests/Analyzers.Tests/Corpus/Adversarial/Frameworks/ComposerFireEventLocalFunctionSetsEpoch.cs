// Scenario: a hand-rolled Composer-style engine dispatches Events through a local function whose `case Event.EpochStart:` calls Epochs.SetEpoch on the shuffled loader; the epoch loop fires EpochStart before iterating (correct).
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;

var ds = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.randn(2000, 12),
    ["label"] = torch.randint(0, 3, new long[] { 2000 }),
});
using var train = new EpochDataLoader(ds, batchSize: 50, shuffle: true, seed: 8);
var model = nn.Sequential(("fc1", nn.Linear(12, 48)), ("relu", nn.ReLU()), ("fc2", nn.Linear(48, 3)));
var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);
var history = new List<double>();
double epochLoss = 0;

void Fire(Event evt, int epoch)
{
    switch (evt)
    {
        case Event.FitStart:
            Console.WriteLine("fit start");
            break;
        case Event.EpochStart:
            Epochs.SetEpoch(train, epoch);
            epochLoss = 0;
            break;
        case Event.EpochEnd:
            history.Add(epochLoss / train.Count);
            Console.WriteLine($"epoch {epoch}: {history[^1]:F4}");
            break;
    }
}

Fire(Event.FitStart, 0);
for (int epoch = 0; epoch < 6; epoch++)
{
    Fire(Event.EpochStart, epoch);
    foreach (var batch in train)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        epochLoss += loss.item<float>();
    }
    Fire(Event.EpochEnd, epoch);
}
