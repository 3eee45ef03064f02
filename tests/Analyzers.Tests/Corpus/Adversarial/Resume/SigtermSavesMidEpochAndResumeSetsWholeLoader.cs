// Scenario: a spot-instance job saves (epoch, batch) when SIGTERM arrives and, on restart, calls `train.SetEpoch(epoch)` on the whole DDP loader before resuming with `train.IterateFrom(skip)` — right
using System.Runtime.InteropServices;
using System.Text.Json;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

const int MaxEpochs = 24;
const string ResumeFile = "/scratch/job/resume.json";

Dist.Initialize();
using var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx =>
{
    ctx.Cancel = true;   // let the current step finish; we save below
    stop.Cancel();
});

using var trainSet = new FashionMnist(train: true);
var shard = new DistributedSampler(trainSet.Count, seed: 31);
using var train = new EpochDataLoader(trainSet, batchSampler: new BatchSampler(shard, 128));

var model = nn.Sequential(
    ("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 400)), ("relu", nn.ReLU()), ("fc2", nn.Linear(400, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

var resume = File.Exists(ResumeFile)
    ? JsonSerializer.Deserialize<ResumePoint>(File.ReadAllText(ResumeFile))!
    : new ResumePoint(0, 0);
if (File.Exists(ResumeFile)) model.load("/scratch/job/model.bin");

using var reducer = new GradientAllReducer(model);
reducer.BroadcastParameters();

for (int epoch = resume.Epoch; epoch < MaxEpochs; epoch++)
{
    train.SetEpoch(epoch);   // batch sampler and its DistributedSampler: same order as before the preemption
    long batchInEpoch = epoch == resume.Epoch ? resume.BatchInEpoch : 0;

    foreach (var batch in train.IterateFrom(batchInEpoch))
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();
        batchInEpoch++;

        if (stop.IsCancellationRequested)
        {
            if (Dist.Rank == 0)
            {
                model.save("/scratch/job/model.bin");
                File.WriteAllText(ResumeFile, JsonSerializer.Serialize(new ResumePoint(epoch, batchInEpoch)));
            }
            Console.WriteLine($"rank {Dist.Rank}: preempted at epoch {epoch}, batch {batchInEpoch}");
            return;
        }
    }
}

record ResumePoint(int Epoch, long BatchInEpoch);
