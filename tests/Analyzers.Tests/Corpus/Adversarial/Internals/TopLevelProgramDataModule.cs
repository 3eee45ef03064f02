// Scenario: a top-level program builds a data module declared further down the same file, whose Train loader shuffles per epoch, and loops over epochs without ever setting the epoch. Wrong (CMP002 on the foreach).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using RedTeam.B.TopLevelProgramDataModule;

const int Epochs = 12;
var images = randn(4096, 1, 28, 28);
var labels = randint(0, 10, new long[] { 4096 });
using var data = new FashionData(images, labels, batchSize: 128, seed: 2024);

var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(784, 256)),
    ("relu", nn.ReLU()),
    ("fc2", nn.Linear(256, 10)));
var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
var schedule = optim.lr_scheduler.CosineAnnealingLR(optimizer, Epochs);

for (int epoch = 1; epoch <= Epochs; epoch++)
{
    model.train();
    double sum = 0;
    int count = 0;
    foreach (var batch in data.Train) //! CMP002
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["image"]), batch["label"]);
        loss.backward();
        optimizer.step();
        sum += loss.item<float>();
        count++;
    }
    schedule.step();
    Console.WriteLine($"epoch {epoch,2}: loss {sum / Math.Max(count, 1):F4}");
}

namespace RedTeam.B.TopLevelProgramDataModule
{
    public sealed class FashionData : IDisposable
    {
        public FashionData(Tensor images, Tensor labels, int batchSize, int seed)
        {
            var set = new InMemoryDataset(new Dictionary<string, Tensor> { ["image"] = images, ["label"] = labels });
            Train = new EpochDataLoader(set, batchSize: batchSize, shuffle: true, seed: seed);
        }

        public EpochDataLoader Train { get; }

        public void Dispose() => Train.Dispose();
    }
}
