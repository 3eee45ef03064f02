// Scenario: a shuffling DistributedSampler handed to an EpochDataLoader that also says shuffle: true — the sampler already decides the order and the runtime throws (CMP006 on shuffle); evaluation runs on a second GPU from an unshuffled shard.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

var trainDevice = cuda.is_available() ? new Device(DeviceType.CUDA, 0) : CPU;
// Evaluate on the spare card when there is one, so validation does not evict training activations.
var evalDevice = cuda.is_available() && cuda.device_count() > 1 ? new Device(DeviceType.CUDA, 1) : trainDevice;

var trainSet = new FashionMnist(train: true);
var valSet = new FashionMnist(train: false);

var trainShard = new DistributedSampler(trainSet.Count, seed: 1234);
using var train = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, sampler: trainShard, device: trainDevice); //! CMP006
using var val = new EpochDataLoader(valSet, batchSize: 500,
    sampler: new DistributedSampler(valSet.Count, shuffle: false), device: evalDevice);

var model = nn.Sequential(nn.Flatten(), nn.Linear(784, 300), nn.Tanh(), nn.Linear(300, 10));
model.to(trainDevice);
var optimizer = optim.RMSProp(model.parameters(), lr: 1e-3);

// A second copy of the network lives on the evaluation device; its weights are refreshed each epoch.
var evalModel = nn.Sequential(nn.Flatten(), nn.Linear(784, 300), nn.Tanh(), nn.Linear(300, 10));
evalModel.to(evalDevice);
evalModel.eval();

for (int epoch = 0; epoch < 8; epoch++)
{
    Epochs.SetEpoch(train, epoch);
    model.train();
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }

    using (no_grad())
    {
        var source = model.state_dict();
        foreach (var (name, target) in evalModel.state_dict())
            target.copy_(source[name].to(evalDevice));
    }

    long correct = 0, total = 0;
    using (no_grad())
    {
        foreach (var batch in val)
        {
            using var scope = NewDisposeScope();
            correct += evalModel.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            total += batch["label"].shape[0];
        }
    }
    Console.WriteLine($"epoch {epoch}: validation accuracy on rank {Dist.Rank}: {(double)correct / total:P2}");
}
