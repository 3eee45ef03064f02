// Scenario: a notebook builds TorchSharp's DataLoader(shuffle: true, seed: 42) (CMP003), peeks at the first batch of two epochs, sees the same order, and rebuilds the same variable with a RandomSampler shuffler and Epochs.SetEpoch; the peek loop sets no epoch on a variable that, later in the program, holds an epoch-aware loader (CMP002) (wrong).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

// %% [1] a small labelled set: row i has id i
var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["id"] = arange(0, 1024, dtype: int64),
    ["x"] = randn(1024, 8),
    ["y"] = randint(0, 2, new long[] { 1024 }),
});
string Ids(Dictionary<string, Tensor> batch) => string.Join(",", batch["id"][..6].data<long>().ToArray());

// %% [2] TorchSharp loader, seeded for reproducibility
var loader = new DataLoader(data, 32, shuffle: true, seed: 42, disposeDataset: false); //! CMP003

// %% [3] does the order change between epochs?
for (int epoch = 0; epoch < 2; epoch++)
{
    var first = loader.First(); //! CMP002
    Console.WriteLine($"epoch {epoch}: {Ids(first)}");
}
// -> both epochs print the same ids

// %% [4] epoch-aware shuffler instead
loader = new DataLoader(data, 32, new RandomSampler(data.Count, seed: 42), disposeDataset: false);
for (int epoch = 0; epoch < 2; epoch++)
{
    Epochs.SetEpoch(loader, epoch);
    Console.WriteLine($"epoch {epoch}: {Ids(loader.First())}");
}

// %% [5] train
var model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2));
var opt = optim.SGD(model.parameters(), 0.05);
for (int epoch = 0; epoch < 20; epoch++)
{
    Epochs.SetEpoch(loader, epoch);
    double total = 0;
    foreach (var batch in loader)
    {
        opt.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
        loss.backward();
        opt.step();
        total += loss.item<float>();
    }
    if (epoch % 5 == 4) Console.WriteLine($"epoch {epoch}: {total / loader.Count:F4}");
}

// %% [6] evaluate on everything, in order
using var all = new DataLoader(data, 256, shuffle: false, disposeDataset: false);
using (no_grad())
{
    var correct = all.Sum(b => model.forward(b["x"]).argmax(1).eq(b["y"]).sum().item<long>());
    Console.WriteLine($"train accuracy {(double)correct / data.Count:P1}");
}
