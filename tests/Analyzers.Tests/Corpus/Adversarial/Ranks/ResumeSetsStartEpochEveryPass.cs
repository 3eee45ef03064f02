// Scenario: resumed DDP job reads the start epoch from rank 0's checkpoint, broadcasts it, then calls Epochs.SetEpoch(train, startEpoch) inside the epoch loop — the same epoch on every pass, wrong (CMP004)
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

const string CheckpointDir = "checkpoints";
const int TotalEpochs = 40;

Dist.Initialize();
var rank = Dist.Rank;

var data = new FashionMnist(train: true);
using var train = new EpochDataLoader(data, batchSize: 128,
    sampler: new DistributedSampler(data.Count, seed: 11, dropLast: true));

var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 300)),
    ("tanh", nn.Tanh()),
    ("fc2", nn.Linear(300, 10)));

// rank 0 finds the newest checkpoint; everybody agrees on where to resume
var resume = zeros(1, dtype: int64);
if (rank == 0)
{
    var last = Directory.Exists(CheckpointDir)
        ? Directory.GetFiles(CheckpointDir, "epoch-*.bin").OrderBy(f => f).LastOrDefault()
        : null;
    if (last is not null)
    {
        model.load(last);
        resume[0] = int.Parse(Path.GetFileNameWithoutExtension(last)["epoch-".Length..]) + 1;
    }
}
Dist.Broadcast(resume, root: 0);
int startEpoch = (int)resume.item<long>();

using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();   // resumed weights from rank 0
var opt = optim.SGD(model.parameters(), 0.02, momentum: 0.9);
var criterion = nn.CrossEntropyLoss();

for (int epoch = startEpoch; epoch < TotalEpochs; epoch++)
{
    Epochs.SetEpoch(train, startEpoch); //! CMP004
    foreach (var batch in train)
    {
        using var scope = NewDisposeScope();
        opt.zero_grad();
        criterion.forward(model.forward(batch["data"]), batch["label"]).backward();
        reducer.AverageGradients();
        opt.step();
    }

    if (rank == 0)
    {
        Directory.CreateDirectory(CheckpointDir);
        model.save(Path.Combine(CheckpointDir, $"epoch-{epoch:D3}.bin"));
    }
    Dist.Barrier();
}
