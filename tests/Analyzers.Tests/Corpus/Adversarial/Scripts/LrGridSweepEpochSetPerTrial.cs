// Scenario: a grid sweep over learning rates and batch sizes, a fresh shuffling loader per trial seeded from the trial, its epoch set at the start of every epoch; correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var n = 4096;
var data = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(n, 32),
    ["label"] = randint(0, 10, new long[] { n }),
});
var valData = new InMemoryDataset(new Dictionary<string, Tensor>
{
    ["data"] = randn(512, 32),
    ["label"] = randint(0, 10, new long[] { 512 }),
});

double[] learningRates = { 3e-3, 1e-3, 3e-4 };
int[] batchSizes = { 32, 128 };
const int epochs = 6;
var results = new List<(double lr, int bs, double acc)>();
int trialSeed = 1000;

foreach (var lr in learningRates)
{
    foreach (var bs in batchSizes)
    {
        trialSeed++;
        torch.manual_seed(trialSeed);
        var model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 10));
        var opt = optim.SGD(model.parameters(), lr, momentum: 0.9);
        using var train = new EpochDataLoader(data, batchSize: bs, shuffle: true, seed: trialSeed);
        using var val = new EpochDataLoader(valData, batchSize: 256);

        double acc = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(train, epoch);
            model.train();
            foreach (var batch in train)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }

            model.eval();
            long correct = 0, seen = 0;
            using (no_grad())
            {
                foreach (var batch in val)
                {
                    using var pred = model.call(batch["data"]).argmax(1);
                    correct += pred.eq(batch["label"]).sum().ToInt64();
                    seen += batch["label"].shape[0];
                }
            }
            acc = (double)correct / seen;
        }
        results.Add((lr, bs, acc));
        Console.WriteLine($"lr={lr:g} bs={bs} -> val acc {acc:P1}");
    }
}

var best = results.MaxBy(r => r.acc);
Console.WriteLine($"best: lr={best.lr:g} bs={best.bs}");
