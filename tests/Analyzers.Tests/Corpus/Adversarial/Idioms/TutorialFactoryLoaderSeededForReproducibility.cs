// Scenario: a top-level MNIST tutorial adds seed: 1 to torch.utils.data.DataLoader(shuffle: true) "for reproducibility"; wrong: TorchSharp reseeds from 1 at every enumeration, so every epoch sees one order.
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int epochs = 10;
const int seed = 1;
var device = cuda.is_available() ? CUDA : CPU;
random.manual_seed(seed);

var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);
var trainLoader = torch.utils.data.DataLoader(trainSet, 64, shuffle: true, device: device, seed: seed); //! CMP003
var testLoader = torch.utils.data.DataLoader(testSet, 1000, shuffle: false, device: device, seed: seed);

var model = Sequential(
    ("flatten", Flatten()),
    ("fc1", Linear(28 * 28, 256)),
    ("relu", ReLU()),
    ("drop", Dropout(0.2)),
    ("fc2", Linear(256, 10)));
model.to(device);

var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);
var criterion = CrossEntropyLoss();

foreach (var epoch in Enumerable.Range(1, epochs))
{
    model.train();
    double running = 0;
    int batches = 0;
    foreach (var data in trainLoader)
    {
        using var d = NewDisposeScope();
        optimizer.zero_grad();
        var output = criterion.call(model.call(data["data"]), data["label"]);
        output.backward();
        optimizer.step();
        running += output.ToSingle();
        batches++;
    }
    Console.WriteLine($"[{epoch}/{epochs}] train loss {running / batches:F4}");

    model.eval();
    long correct = 0;
    using (no_grad())
    {
        foreach (var data in testLoader)
        {
            using var d = NewDisposeScope();
            correct += model.call(data["data"]).argmax(1).eq(data["label"]).sum().ToInt64();
        }
    }
    Console.WriteLine($"[{epoch}/{epochs}] test accuracy {100.0 * correct / testSet.Count:F2}%");
}
