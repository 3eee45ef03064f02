// Scenario: a top-level program with early stopping (while (!converged && epoch < maxEpochs)) over a single-process DistributedSampler loader; the loop sets the loader's epoch from a counter it advances at the end of each pass; correct.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int maxEpochs = 100;
const int patience = 5;
var trainSet = new FashionMnist(train: true);
var valSet = new FashionMnist(train: false);
var train = new EpochDataLoader(trainSet, batchSize: 128, sampler: new DistributedSampler(trainSet.Count, numReplicas: 1, rank: 0, seed: 5));
var val = new EpochDataLoader(valSet, batchSize: 1000, sampler: new DistributedSampler(valSet.Count, numReplicas: 1, rank: 0, shuffle: false));

var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 128)), ("act", ReLU()), ("fc2", Linear(128, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
var plateau = optim.lr_scheduler.ReduceLROnPlateau(optimizer, "min", factor: 0.5, patience: 2);
var criterion = CrossEntropyLoss();

int epoch = 0, badEpochs = 0;
double best = double.MaxValue;
bool converged = false;
while (!converged && epoch < maxEpochs)
{
    train.SetEpoch(epoch);
    model.train();
    foreach (var batch in train)
    {
        using var d = NewDisposeScope();
        optimizer.zero_grad();
        var loss = criterion.call(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }

    model.eval();
    double valLoss = 0;
    using (no_grad())
    {
        foreach (var batch in val)
        {
            using var d = NewDisposeScope();
            valLoss += criterion.call(model.call(batch["data"]), batch["label"]).ToDouble();
        }
    }
    valLoss /= val.Count;
    plateau.step(valLoss);
    Console.WriteLine($"epoch {epoch}: val loss {valLoss:F4}");

    if (valLoss < best - 1e-4) { best = valLoss; badEpochs = 0; }
    else converged = ++badEpochs >= patience;
    epoch++;
}
