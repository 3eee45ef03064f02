// Scenario: TorchSharp DataLoader(shuffle: true, seed: 42) sized into a OneCycle schedule (steps_per_epoch from its Count) and iterated every epoch — wrong (same order every epoch); the unshuffled test loader is fine
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

var device = torch.cuda.is_available() ? CUDA : CPU;
const int epochs = 10;

using var trainSet = new FashionMnist(train: true);
using var testSet = new FashionMnist(train: false);
// fixed seed so runs are reproducible
using var train = new DataLoader(trainSet, 128, shuffle: true, device: device, seed: 42, disposeDataset: false); //! CMP003
using var test = new DataLoader(testSet, 1000, device: device, disposeDataset: false);

var model = nn.Sequential(
    ("conv1", nn.Conv2d(1, 16, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(16, 32, 3, padding: 1)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
    ("flatten", nn.Flatten()), ("fc", nn.Linear(32 * 7 * 7, 10)));
model.to(device);
var optimizer = torch.optim.SGD(model.parameters(), 0.01, momentum: 0.9, nesterov: true, weight_decay: 5e-4);
var scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr: 0.4, epochs: epochs, steps_per_epoch: (int)train.Count, pct_start: 0.25);

for (int epoch = 0; epoch < epochs; epoch++)
{
    model.train();
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        scheduler.step();
    }

    model.eval();
    long correct = 0;
    using (torch.no_grad())
    {
        foreach (var batch in test)
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
    }
    Console.WriteLine($"epoch {epoch + 1}: test acc {(double)correct / testSet.Count:P2}, lr {scheduler.get_last_lr().First():E2}");
    model.save($"fmnist_onecycle_e{epoch + 1:D2}.bin");
}
