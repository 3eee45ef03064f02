// Scenario: StepLR stepped once per epoch, checkpoints named after the epoch, and train.SetEpoch(epoch) before the batches; the unshuffled test loader is never set — right
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

torch.manual_seed(0);
var device = torch.cuda.is_available() ? CUDA : CPU;

using var trainSet = new FashionMnist(train: true);
using var testSet = new FashionMnist(train: false);
using var train = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 2024, device: device);
using var test = new EpochDataLoader(testSet, batchSize: 512, device: device);

var model = nn.Sequential(
    ("flatten", nn.Flatten()),
    ("fc1", nn.Linear(28 * 28, 256)),
    ("relu", nn.ReLU()),
    ("drop", nn.Dropout(0.2)),
    ("fc2", nn.Linear(256, 10)));
model.to(device);

var optimizer = torch.optim.SGD(model.parameters(), 0.1, momentum: 0.9, weight_decay: 5e-4);
// lr 0.1 -> 0.01 -> 0.001 every 10 epochs
var scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size: 10, gamma: 0.1);
var lossFn = nn.CrossEntropyLoss();
const int epochs = 30;
Directory.CreateDirectory("checkpoints");

for (int epoch = 0; epoch < epochs; epoch++)
{
    train.SetEpoch(epoch); // new shuffle every epoch
    model.train();
    double total = 0;
    long seen = 0;
    foreach (var batch in train)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = lossFn.forward(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
        total += loss.item<float>() * batch["label"].shape[0];
        seen += batch["label"].shape[0];
    }
    scheduler.step();
    var lr = scheduler.get_last_lr().First();

    model.eval();
    long correct = 0;
    using (torch.no_grad())
    {
        foreach (var batch in test)
        {
            using var scope = torch.NewDisposeScope();
            var pred = model.forward(batch["data"]).argmax(1);
            correct += pred.eq(batch["label"]).sum().item<long>();
        }
    }
    var acc = (double)correct / testSet.Count;
    Console.WriteLine($"epoch {epoch + 1}/{epochs}  loss {total / seen:F4}  test acc {acc:P2}  lr {lr:G3}");
    model.save(Path.Combine("checkpoints", $"mlp_epoch{epoch:D3}.bin"));
}
