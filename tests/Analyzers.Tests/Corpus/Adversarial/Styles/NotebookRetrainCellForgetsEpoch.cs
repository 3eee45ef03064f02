// Scenario: a notebook exported as a script trains 3 epochs with train.SetEpoch(epoch), then rebuilds `train` with a bigger batch and runs 5 more epochs in a new cell without setting the epoch (CMP002); an optional cell tries a P×K batch sampler but keeps batchSize: 128 (CMP006) (wrong).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

// %% [1] data
var x = randn(6000, 28 * 28);
var y = randint(0, 10, new long[] { 6000 });
var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x[..5000], ["y"] = y[..5000] });
var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x[5000..], ["y"] = y[5000..] });
Console.WriteLine($"{data.Count} train / {valSet.Count} val");

// %% [2] loaders and model
var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 0);
var val = new EpochDataLoader(valSet, batchSize: 500);
var model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Dropout(0.2), nn.Linear(256, 10));
var opt = optim.Adam(model.parameters(), lr: 1e-3);

double TrainBatch(Dictionary<string, Tensor> batch)
{
    model.train();
    opt.zero_grad();
    using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
    loss.backward();
    opt.step();
    return loss.item<float>();
}

double Accuracy()
{
    model.eval();
    using var _ = no_grad();
    long correct = 0;
    foreach (var b in val) correct += model.forward(b["x"]).argmax(1).eq(b["y"]).sum().item<long>();
    return (double)correct / valSet.Count;
}

// %% [3] first run
for (int epoch = 0; epoch < 3; epoch++)
{
    train.SetEpoch(epoch);
    double sum = 0;
    foreach (var batch in train) sum += TrainBatch(batch);
    Console.WriteLine($"epoch {epoch}: loss {sum / train.Count:F4}  acc {Accuracy():P2}");
}

// %% [4] bigger batch, higher lr: rebuild the loader and keep going
train = new EpochDataLoader(data, batchSize: 256, shuffle: true, seed: 0);
opt = optim.Adam(model.parameters(), lr: 3e-3);

// %% [5] 5 more epochs
for (int epoch = 3; epoch < 8; epoch++)
{
    double sum = 0;
    foreach (var batch in train) //! CMP002
        sum += TrainBatch(batch);
    Console.WriteLine($"epoch {epoch}: loss {sum / train.Count:F4}  acc {Accuracy():P2}");
}

// %% [6] optional: class-balanced batches
if (args.Contains("--balanced"))
{
    var labels = y[..5000].data<long>().ToArray();
    var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 8, seed: 1);
    train = new EpochDataLoader(data, batchSize: 128, batchSampler: pk); //! CMP006
    for (int epoch = 8; epoch < 10; epoch++)
    {
        Epochs.SetEpoch(train, epoch);
        foreach (var batch in train) TrainBatch(batch);
        Console.WriteLine($"balanced epoch {epoch}: acc {Accuracy():P2}");
    }
}

// %% [7] final evaluation
Console.WriteLine($"final val accuracy {Accuracy():P2}");
