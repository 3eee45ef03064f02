// Scenario: self-training; each round the teacher pseudo-labels the unlabelled pool, the loader is rebuilt and trained for a few epochs, but SetEpoch gets the round index instead of the epoch: wrong (CMP004).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

const int Rounds = 4;
const int EpochsPerRound = 3;
const float Threshold = 0.9f;

manual_seed(0);
using var labelledX = randn(500, 20);
using var labelledY = randint(0, 5, new long[] { 500 }, dtype: int64);
using var unlabelledX = randn(5000, 20);

var model = nn.Sequential(("fc1", nn.Linear(20, 64)), ("act", nn.ReLU()), ("fc2", nn.Linear(64, 5)));
using var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

for (int round = 0; round < Rounds; round++)
{
    // Pseudo-label: keep only the confident predictions of the current model.
    Tensor keepX, keepY;
    model.eval();
    using (no_grad())
    {
        using var probs = nn.functional.softmax(model.call(unlabelledX), 1);
        var (conf, pred) = probs.max(1);
        using var mask = conf.ge(Threshold);
        keepX = unlabelledX[mask];
        keepY = pred[mask];
    }

    using var combined = new InMemoryDataset(new Dictionary<string, Tensor>
    {
        ["data"] = cat(new[] { labelledX, keepX }, 0),
        ["label"] = cat(new[] { labelledY, keepY }, 0),
    });
    using var train = new EpochDataLoader(combined, batchSize: 64, shuffle: true, seed: 7);
    Console.WriteLine($"round {round}: {keepX.shape[0]} pseudo-labels");

    model.train();
    for (int epoch = 0; epoch < EpochsPerRound; epoch++)
    {
        train.SetEpoch(round); //! CMP004
        foreach (var batch in train)
        {
            optimizer.zero_grad();
            using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
        }
    }
}
