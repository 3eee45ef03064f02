// Scenario: a hand-written ModelEma with its own SetEpoch(epoch) for decay warmup, cosine LR per epoch, and Epochs.SetEpoch(train, epoch) on a loader with a distributed batch sampler — right
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

const int MaxEpochs = 40;
var device = torch.cuda.is_available() ? CUDA : CPU;

using var trainSet = new FashionMnist(train: true);
using var valSet = new FashionMnist(train: false);
using var train = new EpochDataLoader(trainSet,
    batchSampler: new BatchSampler(new DistributedSampler(trainSet.Count, seed: 77), 256, dropLast: true),
    device: device);
using var val = new EpochDataLoader(valSet, batchSize: 1024, device: device);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(1, 32, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(32, 64, 3, padding: 1)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
    ("flatten", nn.Flatten()), ("head", nn.Linear(64 * 7 * 7, 10)));
model.to(device);

var optimizer = torch.optim.AdamW(model.parameters(), 3e-3, weight_decay: 0.05);
var cosine = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max: MaxEpochs, eta_min: 1e-5);
var ema = new ModelEma(model, maxDecay: 0.999, warmupEpochs: 5);

for (int epoch = 0; epoch < MaxEpochs; epoch++)
{
    Epochs.SetEpoch(train, epoch);   // reshuffles the shards through the batch sampler
    ema.SetEpoch(epoch);             // ramps the EMA decay, nothing to do with the data

    model.train();
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        ema.Update();
    }
    cosine.step();

    model.eval();
    long correct = 0;
    using (torch.no_grad())
    using (ema.Swap())
    {
        foreach (var batch in val)
        {
            using var scope = torch.NewDisposeScope();
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
        }
    }
    Console.WriteLine($"epoch {epoch:D2}  ema decay {ema.Decay:F4}  ema acc {(double)correct / valSet.Count:P2}");
}

sealed class ModelEma(nn.Module model, double maxDecay, int warmupEpochs)
{
    private readonly Dictionary<string, Tensor> _shadow =
        model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());

    public double Decay { get; private set; }

    public void SetEpoch(int epoch) => Decay = maxDecay * Math.Min(1.0, (epoch + 1) / (double)warmupEpochs);

    public void Update()
    {
        using var _ = torch.no_grad();
        foreach (var (name, p) in model.named_parameters())
            _shadow[name].mul_(Decay).add_(p.detach(), alpha: 1 - Decay);
    }

    // Puts the averaged weights into the model until disposed.
    public IDisposable Swap()
    {
        var saved = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
        Copy(_shadow);
        return new Restore(() => Copy(saved));
    }

    private void Copy(Dictionary<string, Tensor> from)
    {
        using var _ = torch.no_grad();
        foreach (var (name, p) in model.named_parameters()) p.copy_(from[name]);
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
