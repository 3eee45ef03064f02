// Scenario: beginner translates PyTorch's `DataLoader(dataset, 64, True, sampler)` positionally to `new EpochDataLoader(trainSet, 64, true, sampler)` with a RandomSampler: wrong, shuffle: true together with a sampler is rejected at run time (CMP006 on shuffle); the epoch itself is set right on the sampler
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

var trainSet = new FashionMnist(train: true);
var testSet = new FashionMnist(train: false);

var sampler = new RandomSampler(trainSet.Count, seed: 0);
// same arguments as the python version: dataset, batch_size, shuffle, sampler
var trainLoader = new EpochDataLoader(trainSet, 64, true, sampler); //! CMP006
var testLoader = new EpochDataLoader(testSet, 256);

var model = Sequential(
    ("conv", Conv2d(1, 10, 5)),
    ("pool", MaxPool2d(2)),
    ("relu", ReLU()),
    ("flatten", Flatten()),
    ("fc", Linear(10 * 12 * 12, 10)));
var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);

for (int epoch = 1; epoch <= 5; epoch++)
{
    sampler.SetEpoch(epoch);

    model.train();
    foreach (var batch in trainLoader)
    {
        using var scope = torch.NewDisposeScope();
        var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }

    model.eval();
    var correct = 0L;
    using (torch.no_grad())
    {
        foreach (var batch in testLoader)
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
    }
    Console.WriteLine($"Epoch {epoch}: {correct}/{testSet.Count} correct");
}
