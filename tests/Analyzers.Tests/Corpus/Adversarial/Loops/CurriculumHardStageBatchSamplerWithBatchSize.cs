// Scenario: curriculum learning sets whichever loader is active each epoch (correct epochs), but the hard-stage loader is built with both a batch sampler and batchSize: 64, which the runtime rejects.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

using var easySet = new FashionMnist(folder: "/data/fashion-mnist-easy", train: true);
using var hardSet = new FashionMnist(train: true);
using var testSet = new FashionMnist(train: false);
using var testLoader = new EpochDataLoader(testSet, batchSize: 1000);
long[] hardLabels = hardSet.Columns["label"].data<long>().ToArray();

using var easy = new EpochDataLoader(easySet, batchSize: 64, shuffle: true, seed: 1);
using var hard = new EpochDataLoader(hardSet, batchSize: 64, batchSampler: new ClassBalancedBatchSampler(hardLabels, 8, 8, seed: 2)); //! CMP006

var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 128)), ("relu", nn.ReLU()), ("fc2", nn.Linear(128, 10)));
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
const int easyEpochs = 4;

for (int epoch = 0; epoch < 16; epoch++)
{
    var loader = epoch < easyEpochs ? easy : hard;
    Epochs.SetEpoch(loader, epoch);
    foreach (var batch in loader)
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
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
    }
    model.train();
    Console.WriteLine($"epoch {epoch} ({(epoch < easyEpochs ? "easy" : "hard")}): {(double)correct / testSet.Count:P2}");
}
