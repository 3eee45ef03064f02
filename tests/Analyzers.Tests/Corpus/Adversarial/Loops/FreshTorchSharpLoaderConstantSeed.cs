// Scenario: each epoch builds a TorchSharp loader with torch.utils.data.DataLoader(shuffle: true, seed: 7); the seed does not change from epoch to epoch, so the order repeats: bug.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

using var train = new FashionMnist(train: true);
var model = nn.Sequential(
    ("conv", nn.Conv2d(1, 8, 5)), ("relu", nn.ReLU()), ("pool", nn.MaxPool2d(2)),
    ("flatten", nn.Flatten()), ("fc", nn.Linear(8 * 12 * 12, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 0; epoch < 5; epoch++)
{
    using var loader = torch.utils.data.DataLoader(train, 64, shuffle: true, seed: 7, disposeDataset: false); //! CMP003
    double total = 0;
    long steps = 0;
    foreach (var batch in loader)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        total += loss.item<float>();
        steps++;
    }
    Console.WriteLine($"epoch {epoch}: {total / steps:F4}");
}

using var test = new FashionMnist(train: false);
using var testLoader = torch.utils.data.DataLoader(test, 1000, shuffle: false, disposeDataset: false);
long correct = 0;
model.eval();
using (torch.no_grad())
{
    foreach (var batch in testLoader)
        correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
}
Console.WriteLine($"test accuracy {(double)correct / test.Count:P2}");
