// Scenario: the PyTorch fine-tuning tutorial ported, with a frozen then an unfrozen stage; each epoch runs the "train" and "val" phases through var loader = phase == "train" ? train : val, and train's epoch is set once per epoch from a counter that continues across stages: right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

manual_seed(0);
using var trainSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(1200, 3, 48, 48),
    ["label"] = randint(0, 2, new long[] { 1200 }, dtype: int64),
});
using var valSet = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(300, 3, 48, 48),
    ["label"] = randint(0, 2, new long[] { 300 }, dtype: int64),
});
using var train = new EpochDataLoader(trainSet, batchSize: 32, shuffle: true, seed: 4);
using var val = new EpochDataLoader(valSet, batchSize: 64);

var features = nn.Sequential(("conv", nn.Conv2d(3, 16, 5)), ("relu", nn.ReLU()), ("pool", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()));
var classifier = nn.Linear(16, 2);
var model = nn.Sequential(("features", features), ("classifier", classifier));

var stages = new[] { (Name: "frozen", FreezeFeatures: true, Epochs: 4), (Name: "unfrozen", FreezeFeatures: false, Epochs: 6) };
int epoch = 0;
foreach (var stage in stages)
{
    foreach (var p in features.parameters()) p.requires_grad = !stage.FreezeFeatures;
    using var optimizer = optim.SGD(model.parameters().Where(p => p.requires_grad), stage.FreezeFeatures ? 1e-2 : 1e-3, momentum: 0.9);

    for (int i = 0; i < stage.Epochs; i++, epoch++)
    {
        train.SetEpoch(epoch);
        foreach (var phase in new[] { "train", "val" })
        {
            var loader = phase == "train" ? train : val;
            if (phase == "train") model.train(); else model.eval();

            long correct = 0, total = 0;
            foreach (var batch in loader)
            {
                using var grad = set_grad_enabled(phase == "train");
                using var logits = model.call(batch["data"]);
                using var loss = nn.functional.cross_entropy(logits, batch["label"]);
                if (phase == "train")
                {
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
                correct += logits.argmax(1).eq(batch["label"]).sum().item<long>();
                total += batch["label"].shape[0];
            }
            Console.WriteLine($"[{stage.Name}] epoch {epoch} {phase}: acc {(double)correct / total:P1}");
        }
    }
}
