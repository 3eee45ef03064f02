// Scenario: a step-counted DDP loop restores `globalStep`, drives each epoch with `while (it.MoveNext())` and calls `shard.SetEpoch(epoch)` on the first step of the epoch, inside the enumeration; the batch sampler over `shard` already fixed that epoch's order, so the epoch arrives one enumeration late — wrong (CMP005)
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

const long MaxSteps = 20_000;
const string StepFile = "ckpt/global_step.txt";

Dist.Initialize();

var x = torch.load("data/tabular_x.pt");
var y = torch.load("data/tabular_y.pt");
var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = x, ["label"] = y });

var shard = new DistributedSampler(data.Count, seed: 11);
using var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 64, dropLast: true));

var model = nn.Sequential(("l1", nn.Linear(x.shape[1], 128)), ("act", nn.ReLU()), ("l2", nn.Linear(128, 1)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
using var reducer = new GradientAllReducer(model);

// Checkpoints are taken at epoch boundaries, so the restored step is always the first of an epoch.
long globalStep = File.Exists(StepFile) ? long.Parse(File.ReadAllText(StepFile)) : 0;
if (globalStep > 0) model.load("ckpt/model.bin");
reducer.BroadcastParameters();

long stepsPerEpoch = loader.Count;
while (globalStep < MaxSteps)
{
    int epoch = (int)(globalStep / stepsPerEpoch);
    long stepInEpoch = 0;
    using var it = loader.GetEnumerator();
    while (it.MoveNext())
    {
        if (stepInEpoch == 0) shard.SetEpoch(epoch); //! CMP005

        using var scope = NewDisposeScope();
        var batch = it.Current;
        optimizer.zero_grad();
        var loss = nn.functional.binary_cross_entropy_with_logits(model.call(batch["data"]).squeeze(-1), batch["label"]);
        loss.backward();
        reducer.AverageGradients();
        optimizer.step();

        stepInEpoch++;
        globalStep++;
    }

    if (Dist.Rank == 0)
    {
        model.save("ckpt/model.bin");
        File.WriteAllText(StepFile, globalStep.ToString());
    }
}
