// Scenario: cosine LR then an SWA phase with a constant LR and weight averaging; the loop reshuffles with `if (train.Sampler is IEpochAware s) s.SetEpoch(epoch)` on a loader built from a batch sampler — wrong (CMP001)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int epochs = 40;
const int swaStart = 30;
const double swaLr = 0.02;

using var trainSet = new FashionMnist(train: true);
using var train = new EpochDataLoader(trainSet,
    batchSampler: new BatchSampler(new DistributedSampler(trainSet.Count, seed: 5), 128, dropLast: true));

var model = nn.Sequential(
    ("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 512)), ("relu1", nn.ReLU()),
    ("fc2", nn.Linear(512, 256)), ("relu2", nn.ReLU()), ("fc3", nn.Linear(256, 10)));
var optimizer = torch.optim.SGD(model.parameters(), 0.1, momentum: 0.9, weight_decay: 5e-4);
var cosine = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max: swaStart, eta_min: swaLr);
var swa = new StochasticWeightAverage(model);

for (int epoch = 0; epoch < epochs; epoch++)
{
    if (train.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001

    model.train();
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }

    if (epoch >= swaStart)
    {
        foreach (var g in optimizer.ParamGroups) g.LearningRate = swaLr;   // SWALR, constant
        swa.Update();
        Console.WriteLine($"epoch {epoch}: swa average of {swa.Count} snapshots");
    }
    else
    {
        cosine.step();
        Console.WriteLine($"epoch {epoch}: lr {cosine.get_last_lr().First():G3}");
    }
}

swa.CopyTo(model);
model.save("checkpoints/mlp_swa.bin");

sealed class StochasticWeightAverage(nn.Module model)
{
    private readonly List<Tensor> _average = model.parameters().Select(p => torch.zeros_like(p)).ToList();
    public int Count { get; private set; }

    public void Update()
    {
        using var _ = torch.no_grad();
        Count++;
        foreach (var (avg, p) in _average.Zip(model.parameters()))
            avg.add_((p - avg) / Count);
    }

    public void CopyTo(nn.Module target)
    {
        using var _ = torch.no_grad();
        foreach (var (avg, p) in _average.Zip(target.parameters()))
            p.copy_(avg);
    }
}
