// Scenario: TorchSharp's DataLoader built with a RandomSampler shuffler gets its epoch through `loader.sampler is IEpochAware` each epoch; TorchSharp has no batch sampler, so this is right: correct.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

using var train = new FashionMnist(train: true);
using var test = new FashionMnist(train: false);
using var trainLoader = new DataLoader(train, 100, new RandomSampler(train.Count, seed: 12), disposeDataset: false);
using var testLoader = new DataLoader(test, 1000, shuffle: false, disposeDataset: false);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(1, 32, 3)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(32, 64, 3)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
    ("flatten", nn.Flatten()), ("fc", nn.Linear(64 * 5 * 5, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 1; epoch <= 10; epoch++)
{
    if (trainLoader.sampler is IEpochAware sampler) sampler.SetEpoch(epoch);

    model.train();
    foreach (var batch in trainLoader)
    {
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }

    model.eval();
    long correct = 0;
    using (torch.no_grad())
    {
        foreach (var batch in testLoader)
        {
            using var predicted = model.forward(batch["data"]).argmax(1);
            correct += predicted.eq(batch["label"]).sum().item<long>();
        }
    }
    Console.WriteLine($"epoch {epoch}: test accuracy {(double)correct / test.Count:P2}");
}
