// Scenario: card-fraud detection on a tabular data set with 0.2 % positives; the user switched the loader from shuffle: true, batchSize: 256 to a ClassBalancedBatchSampler (2 classes x 128 rows) but left the old batchSize and shuffle arguments on the creation, which the runtime rejects when the loader is built (wrong: CMP006 twice on the creation). The epoch loop itself sets the epoch correctly.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var (trainX, trainY) = FraudTable.Read("data/creditcard_train.csv");
var (validX, validY) = FraudTable.Read("data/creditcard_valid.csv");
var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = trainX, ["y"] = trainY });
var validSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = validX, ["y"] = validY });

long[] labels = trainY.data<long>().ToArray();
var balanced = new ClassBalancedBatchSampler(labels, classesPerBatch: 2, samplesPerClass: 128, seed: 11);
using var train = new EpochDataLoader(trainSet, batchSize: 256, shuffle: true, //! CMP006 CMP006
    batchSampler: balanced);
using var valid = new EpochDataLoader(validSet, batchSize: 4096);

var model = nn.Sequential(
    nn.Linear(trainX.shape[1], 64), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(64, 32), nn.ReLU(),
    nn.Linear(32, 2));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3, weight_decay: 1e-5);

for (int epoch = 0; epoch < 40; epoch++)
{
    train.SetEpoch(epoch);
    model.train();
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.call(batch["x"]), batch["y"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }

    model.eval();
    using (torch.no_grad())
    {
        var scores = new List<Tensor>();
        foreach (var batch in valid)
            scores.Add(nn.functional.softmax(model.call(batch["x"]), 1).select(1, 1).clone());
        var p = torch.cat(scores);
        var flagged = p.ge(0.5);
        var actual = validY.eq(1);
        double precision = (flagged & actual).sum().item<long>() / Math.Max(1.0, flagged.sum().item<long>());
        double recall = (flagged & actual).sum().item<long>() / Math.Max(1.0, actual.sum().item<long>());
        Console.WriteLine($"epoch {epoch}: precision {precision:P1} recall {recall:P1}");
    }
}

static class FraudTable
{
    // Columns: Time, V1..V28, Amount, Class. Features standardised with the training statistics upstream.
    public static (Tensor X, Tensor Y) Read(string path)
    {
        var rows = File.ReadLines(path).Skip(1).Select(l => l.Split(',')).ToArray();
        var x = rows.SelectMany(r => r[..^1].Select(float.Parse)).ToArray();
        var y = rows.Select(r => long.Parse(r[^1].Trim('"'))).ToArray();
        return (torch.tensor(x).view(rows.Length, -1), torch.tensor(y));
    }
}
