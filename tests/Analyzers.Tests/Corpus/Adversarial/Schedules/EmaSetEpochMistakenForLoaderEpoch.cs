// Scenario: loop calls ema.SetEpoch(epoch) and scheduler.step(epoch) every epoch but never tells the loader built on a shuffling DistributedSampler — wrong (the EMA and the scheduler are not the sampler)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var device = torch.cuda.is_available() ? CUDA : CPU;
const int epochs = 50;

using var trainSet = new FashionMnist(train: true);
var shard = new DistributedSampler(trainSet.Count, seed: 1234);
using var train = new EpochDataLoader(trainSet, batchSize: 128, sampler: shard, dropLast: true, device: device);
Console.WriteLine($"{shard.Count} samples on this rank, {train.Count} batches per epoch");

var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 512)), ("bn1", nn.BatchNorm1d(512)), ("relu1", nn.ReLU()),
    ("fc2", nn.Linear(512, 10)));
model.to(device);

var optimizer = torch.optim.SGD(model.parameters(), 0.1, momentum: 0.9, weight_decay: 1e-4);
var scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size: 15, gamma: 0.1);
var ema = new WeightEma(model, decay: 0.998, startEpoch: 5);

for (int epoch = 0; epoch < epochs; epoch++)
{
    // per-epoch bookkeeping: EMA kicks in after a few epochs, LR follows the step schedule
    ema.SetEpoch(epoch);
    scheduler.step(epoch);

    model.train();
    double sum = 0;
    foreach (var batch in train) //! CMP002
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        ema.Update();
        sum += loss.item<float>();
    }
    Console.WriteLine($"epoch {epoch}: loss {sum / train.Count:F4}, lr {scheduler.get_last_lr().First():G3}, ema {(ema.Active ? "on" : "off")}");
}
ema.CopyTo(model);
model.save($"checkpoints/mlp_ema_e{epochs}.bin");

sealed class WeightEma(nn.Module model, double decay, int startEpoch)
{
    private readonly List<(Tensor Shadow, Tensor Live)> _pairs =
        model.parameters().Select(p => (p.detach().clone(), (Tensor)p)).ToList();

    public bool Active { get; private set; }

    public void SetEpoch(int epoch) => Active = epoch >= startEpoch;

    public void Update()
    {
        using var _ = torch.no_grad();
        foreach (var (shadow, live) in _pairs)
        {
            if (Active) shadow.mul_(decay).add_(live, alpha: 1 - decay);
            else shadow.copy_(live);
        }
    }

    public void CopyTo(nn.Module target)
    {
        using var _ = torch.no_grad();
        foreach (var ((shadow, _), p) in _pairs.Zip(target.parameters()))
            p.copy_(shadow);
    }
}
