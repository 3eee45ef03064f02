// Scenario: a natural-typed lambda with a default parameter, `var beginEpoch = (int epoch = 0) => …Epochs.SetEpoch(train, epoch)…`, is called as `beginEpoch()` in the epoch loop — the default 0 is passed on every pass, so the loader replays epoch 0 (CMP004 on the setter inside the lambda).
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(20_000, 64),
    ["label"] = randint(0, 12, [20_000], dtype: ScalarType.Int64),
});
using var train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 8, prefetch: true);

var model = Sequential(
    ("fc1", Linear(64, 256)),
    ("act", GELU()),
    ("drop", Dropout(0.1)),
    ("fc2", Linear(256, 12)));
var optimizer = optim.AdamW(model.parameters(), lr: 5e-4);
var scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max: 25);

var clock = Stopwatch.StartNew();
var beginEpoch = (int epoch = 0) =>
{
    Epochs.SetEpoch(train, epoch); //! CMP004
    clock.Restart();
};
var endEpoch = (int epoch, double loss) =>
    Console.WriteLine($"epoch {epoch,2}: loss {loss:F4} in {clock.Elapsed.TotalSeconds:F1}s, lr {scheduler.get_last_lr().First():E2}");

for (var e = 0; e < 25; e++)
{
    beginEpoch();

    model.train();
    double sum = 0;
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = functional.cross_entropy(model.call(batch["data"]), batch["label"], label_smoothing: 0.1);
        loss.backward();
        optimizer.step();
        sum += loss.item<float>();
    }
    scheduler.step();

    endEpoch(e, sum / train.Count);
}
