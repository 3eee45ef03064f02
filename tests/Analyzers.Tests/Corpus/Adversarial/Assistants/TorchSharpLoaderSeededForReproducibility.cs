// Scenario: a Q&A answer "for reproducible runs, pass a seed to the DataLoader" builds TorchSharp's `DataLoader(train_data, 64, shuffle: true, seed: 42)` once and loops `foreach (var epoch in Enumerable.Range(...))` over it; TorchSharp reseeds from 42 at every enumeration, so every epoch has the same order (wrong, CMP003 at the creation).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

// Hyperparameters (same names as in the PyTorch version of this answer)
int num_epochs = 10;
int batch_size = 64;
double learning_rate = 0.001;

// 1. Set all seeds for reproducibility
torch.manual_seed(42);

// 2. Load Fashion-MNIST
using var train_data = new FashionMnist(train: true);
using var test_data = new FashionMnist(train: false);

// 3. Create the data loaders. Passing a seed makes the shuffling reproducible between runs.
using var train_loader = new DataLoader(train_data, batch_size, shuffle: true, seed: 42, disposeDataset: false); //! CMP003
using var test_loader = new DataLoader(test_data, 1000, shuffle: false, disposeDataset: false);

// 4. A simple CNN
var model = nn.Sequential(
    ("conv1", nn.Conv2d(1, 16, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
    ("conv2", nn.Conv2d(16, 32, 3, padding: 1)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
    ("flatten", nn.Flatten()),
    ("fc", nn.Linear(32 * 7 * 7, 10)));
var criterion = nn.CrossEntropyLoss();
var optimizer = optim.Adam(model.parameters(), learning_rate);

// 5. Training loop
foreach (var epoch in Enumerable.Range(0, num_epochs))
{
    model.train();
    var running_loss = 0.0;
    var i = 0;
    foreach (var batch in train_loader)
    {
        using var _ = NewDisposeScope();
        var inputs = batch["data"];
        var labels = batch["label"];

        optimizer.zero_grad();
        var outputs = model.call(inputs);
        var loss = criterion.call(outputs, labels);
        loss.backward();
        optimizer.step();

        running_loss += loss.item<float>();
        if (++i % 200 == 0)
        {
            Console.WriteLine($"[{epoch + 1}, {i,5}] loss: {running_loss / 200:F3}");
            running_loss = 0.0;
        }
    }

    // 6. Evaluate on the test set after every epoch
    model.eval();
    long correct = 0, total = 0;
    using (no_grad())
    {
        foreach (var batch in test_loader)
        {
            using var _ = NewDisposeScope();
            var predicted = model.call(batch["data"]).argmax(1);
            total += batch["label"].shape[0];
            correct += predicted.eq(batch["label"]).sum().item<long>();
        }
    }
    Console.WriteLine($"Accuracy of the network on the test images: {100.0 * correct / total:F2} %");
}

Console.WriteLine("Finished Training");
