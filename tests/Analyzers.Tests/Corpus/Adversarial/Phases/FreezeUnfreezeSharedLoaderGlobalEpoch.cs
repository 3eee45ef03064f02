// Scenario: transfer learning in three phases (head only, top block, everything) over one shared shuffled loader, with a global epoch counter that keeps increasing across phases and is set every epoch: right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

manual_seed(7);
using var images = randn(2048, 3, 64, 64);
using var labels = randint(0, 12, new long[] { 2048 }, dtype: int64);
using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = images, ["label"] = labels });
using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 2024, dropLast: true);

var stem = nn.Sequential(("conv", nn.Conv2d(3, 32, 3, stride: 2, padding: 1)), ("relu", nn.ReLU()));
var block = nn.Sequential(("conv", nn.Conv2d(32, 64, 3, stride: 2, padding: 1)), ("relu", nn.ReLU()),
                          ("pool", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()));
var head = nn.Linear(64, 12);
var model = nn.Sequential(("stem", stem), ("block", block), ("head", head));

Phase[] phases =
[
    new("head", [head], Epochs: 2, Lr: 1e-2),
    new("top", [head, block], Epochs: 3, Lr: 3e-3),
    new("all", [head, block, stem], Epochs: 5, Lr: 1e-3),
];

int globalEpoch = 0;
foreach (var phase in phases)
{
    foreach (var p in model.parameters()) p.requires_grad = false;
    foreach (var p in phase.Trainable.SelectMany(m => m.parameters())) p.requires_grad = true;
    using var optimizer = optim.AdamW(model.parameters().Where(p => p.requires_grad), phase.Lr);

    for (int e = 0; e < phase.Epochs; e++)
    {
        train.SetEpoch(globalEpoch);
        model.train();
        float last = 0;
        foreach (var batch in train)
        {
            optimizer.zero_grad();
            using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
            last = loss.item<float>();
        }
        Console.WriteLine($"{phase.Name} {e + 1}/{phase.Epochs} (global epoch {globalEpoch}): {last:F4}");
        globalEpoch++;
    }
}

record Phase(string Name, nn.Module[] Trainable, int Epochs, double Lr);
