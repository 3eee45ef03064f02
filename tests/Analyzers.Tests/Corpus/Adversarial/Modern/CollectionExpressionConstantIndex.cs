// Scenario: multi-task training keeps both shuffling loaders in a collection expression `[train, aux]` but only sets `loaders[0]` (the main task) each epoch; the auxiliary loader, iterated in the same epoch loop, replays its order (CMP002 on aux).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var mainSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(8192, 32),
    ["label"] = randint(0, 5, [8192], dtype: ScalarType.Int64),
});
var auxSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(2048, 32),
    ["target"] = randn(2048, 1),
});

using var train = new EpochDataLoader(mainSet, batchSize: 64, shuffle: true, seed: 1);
using var aux = new EpochDataLoader(auxSet, batchSize: 32, shuffle: true, seed: 2);
EpochDataLoader[] loaders = [train, aux];

var trunk = Sequential(("fc", Linear(32, 64)), ("act", ReLU()));
var classify = Linear(64, 5);
var regress = Linear(64, 1);
var optimizer = optim.Adam([.. trunk.parameters(), .. classify.parameters(), .. regress.parameters()], lr: 1e-3);

const double AuxWeight = 0.3;
for (var epoch = 0; epoch < 15; epoch++)
{
    loaders[0].SetEpoch(epoch); // the main task drives the schedule

    double mainLoss = 0;
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = functional.cross_entropy(classify.call(trunk.call(batch["data"])), batch["label"]);
        loss.backward();
        optimizer.step();
        mainLoss += loss.item<float>();
    }

    // a few regression batches as a regulariser
    double auxLoss = 0;
    foreach (var batch in aux.Take(50)) //! CMP002
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = AuxWeight * functional.mse_loss(regress.call(trunk.call(batch["data"])), batch["target"]);
        loss.backward();
        optimizer.step();
        auxLoss += loss.item<float>();
    }

    Console.WriteLine($"epoch {epoch}: main {mainLoss / train.Count:F4}, aux {auxLoss / 50:F4}");
}
