// Scenario: a top-level program wraps the per-epoch setup in a local function BeginEpoch(int e) that sets the loader's epoch, but the loop calls it as BeginEpoch(0) (wrong: every epoch is told epoch 0).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var epochs = args.Length > 0 ? int.Parse(args[0]) : 5;
var data = new FashionMnist(train: true);
var test = new FashionMnist(train: false);

var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(28 * 28, 256)),
    ("relu", nn.ReLU()),
    ("fc2", nn.Linear(256, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 7);
using var eval = new EpochDataLoader(test, batchSize: 1000);

for (int epoch = 0; epoch < epochs; epoch++)
{
    BeginEpoch(0);
    foreach (var batch in train)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }
    Console.WriteLine($"epoch {epoch}: test accuracy {Accuracy():P2}");
}

void BeginEpoch(int e)
{
    model.train();
    train.SetEpoch(e); //! CMP004
}

double Accuracy()
{
    model.eval();
    using var noGrad = torch.no_grad();
    long correct = 0, total = 0;
    foreach (var batch in eval)
    {
        correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
        total += batch["label"].shape[0];
    }
    return (double)correct / total;
}
