// Scenario: resumed run that fast-forwards the LR scheduler to the saved epoch, then calls shard.SetEpoch(startEpoch) inside the epoch loop — wrong (every resumed epoch replays one order)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int totalEpochs = 90;
const string stateFile = "run/last_epoch.txt";
const string weightsFile = "run/last.bin";

using var trainSet = new FashionMnist(train: true);
var shard = new DistributedSampler(trainSet.Count, seed: 2023);
using var train = new EpochDataLoader(trainSet, batchSize: 256, sampler: shard);

var model = nn.Sequential(
    ("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 1024)), ("relu1", nn.ReLU()),
    ("fc2", nn.Linear(1024, 1024)), ("relu2", nn.ReLU()), ("fc3", nn.Linear(1024, 10)));
var optimizer = torch.optim.SGD(model.parameters(), 0.1, momentum: 0.9, weight_decay: 1e-4);
var scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, new List<int> { 30, 60, 80 }, gamma: 0.1);

int startEpoch = 0;
if (File.Exists(stateFile) && File.Exists(weightsFile))
{
    model.load(weightsFile);
    startEpoch = int.Parse(File.ReadAllText(stateFile)) + 1;
    Console.WriteLine($"resuming at epoch {startEpoch}");
}

// bring the LR schedule to where the previous run stopped
for (int i = 0; i < startEpoch; i++)
    scheduler.step();

for (int epoch = startEpoch; epoch < totalEpochs; epoch++)
{
    shard.SetEpoch(startEpoch); //! CMP004
    model.train();
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }
    scheduler.step();

    Directory.CreateDirectory("run");
    model.save(weightsFile);
    File.WriteAllText(stateFile, epoch.ToString());
    Console.WriteLine($"epoch {epoch} done, lr now {scheduler.get_last_lr().First():G3}");
}
