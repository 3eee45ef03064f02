// Scenario: a while loop with an epoch counter and a patience-based early stop sets the shuffled loader's epoch on every pass and advances the counter: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

using var train = new FashionMnist(train: true);
using var test = new FashionMnist(train: false);
using var trainLoader = new EpochDataLoader(train, batchSize: 128, shuffle: true, seed: 17);
using var testLoader = new EpochDataLoader(test, batchSize: 1000);

var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 256)),
    ("relu", nn.ReLU()),
    ("fc2", nn.Linear(256, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

const int maxEpochs = 50;
const int patience = 4;
int epoch = 0;
int badEpochs = 0;
double best = double.PositiveInfinity;

while (badEpochs < patience && epoch < maxEpochs)
{
    trainLoader.SetEpoch(epoch);
    model.train();
    foreach (var batch in trainLoader)
    {
        optimizer.zero_grad();
        using var logits = model.forward(batch["data"]);
        using var loss = nn.functional.cross_entropy(logits, batch["label"]);
        loss.backward();
        optimizer.step();
    }

    double valLoss = 0;
    long batches = 0;
    model.eval();
    using (torch.no_grad())
    {
        foreach (var batch in testLoader)
        {
            using var logits = model.forward(batch["data"]);
            valLoss += nn.functional.cross_entropy(logits, batch["label"]).item<float>();
            batches++;
        }
    }
    valLoss /= Math.Max(1, batches);

    if (valLoss < best - 1e-4)
    {
        best = valLoss;
        badEpochs = 0;
        model.save("best.bin");
    }
    else
    {
        badEpochs++;
    }
    Console.WriteLine($"epoch {epoch}: val loss {valLoss:F4} (best {best:F4}, patience {badEpochs}/{patience})");
    epoch++;
}
