// Scenario: step-based training that computes epoch = step / stepsPerEpoch from the running step at the top of every pass and sets it with Epochs.SetEpoch before resuming mid-epoch — right, nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const long MaxSteps = 20_000;
const int LogEvery = 250;

long startStep = args.Length > 0 ? long.Parse(args[0]) : 0;
var corpus = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = torch.randn(10_000, 64),
    ["label"] = torch.randint(0, 10, new long[] { 10_000 }),
});

using var train = new EpochDataLoader(corpus, batchSize: 64, shuffle: true, dropLast: true, seed: 2024, workers: 1);
var model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Dropout(0.1), nn.Linear(128, 10));
var optimizer = optim.SGD(model.parameters(), learningRate: 0.1, momentum: 0.9, nesterov: true);
var lossFn = nn.CrossEntropyLoss();

long stepsPerEpoch = train.Count;
long step = startStep;

while (step < MaxSteps)
{
    int epoch = (int)(step / stepsPerEpoch);
    long offset = step % stepsPerEpoch;
    Epochs.SetEpoch(train, epoch);

    foreach (var batch in train.IterateFrom(offset))
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = lossFn.call(model.call(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();

        step++;
        if (step % LogEvery == 0)
            Console.WriteLine($"step {step} (epoch {epoch}, batch {step % stepsPerEpoch}) loss {loss.item<float>():F4}");
        if (step >= MaxSteps) break;
    }

    if (step % stepsPerEpoch == 0)
        model.save($"ckpt-step{step}.bin");
}

Console.WriteLine($"finished at step {step}");
