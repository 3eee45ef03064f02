// Scenario: while loop with an epoch counter, ReduceLROnPlateau on validation loss, early stopping with patience (break inside an if), Epochs.SetEpoch(train, epoch) each pass — right
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int maxEpochs = 200;
const int patience = 8;
const double minDelta = 1e-4;

using var all = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.load("data/house_features.pt"),
    ["label"] = torch.load("data/house_prices.pt"),
});
int nTrain = (int)(all.Count * 0.9);
using var trainSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = all.Columns["data"][..nTrain],
    ["label"] = all.Columns["label"][..nTrain],
});
using var valSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = all.Columns["data"][nTrain..],
    ["label"] = all.Columns["label"][nTrain..],
});

using var train = new EpochDataLoader(trainSet, batchSize: 32, sampler: new RandomSampler(trainSet.Count, seed: 5));
using var val = new EpochDataLoader(valSet, batchSize: 512);

var model = nn.Sequential(("fc1", nn.Linear(13, 64)), ("relu", nn.ReLU()), ("fc2", nn.Linear(64, 1)));
var optimizer = torch.optim.Adam(model.parameters(), 1e-3);
var plateau = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor: 0.5, patience: 3);

int epoch = 0;
int wait = 0;
double best = double.PositiveInfinity;
while (epoch < maxEpochs)
{
    Epochs.SetEpoch(train, epoch);
    model.train();
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.mse_loss(model.forward(batch["data"]).squeeze(1), batch["label"]);
        loss.backward();
        optimizer.step();
    }

    model.eval();
    double valLoss = 0;
    using (torch.no_grad())
        foreach (var batch in val)
            valLoss += nn.functional.mse_loss(model.forward(batch["data"]).squeeze(1), batch["label"], reduction: nn.Reduction.Sum).item<float>();
    valLoss /= valSet.Count;
    plateau.step(valLoss);

    if (valLoss < best - minDelta)
    {
        best = valLoss;
        wait = 0;
        model.save("checkpoints/house_best.bin");
        Console.WriteLine($"epoch {epoch}: val mse {valLoss:F5} (new best)");
    }
    else if (++wait >= patience)
    {
        Console.WriteLine($"epoch {epoch}: no improvement for {patience} epochs, stopping (best {best:F5})");
        break;
    }
    epoch++;
}
