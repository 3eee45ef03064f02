// Scenario: beginner read that the loader needs SetEpoch, but calls `trainLoader.SetEpoch(0)` at the top of every epoch "to reset it": wrong, the same epoch every pass gives the same order every pass (CMP004)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

const int EPOCHS = 12;
const int BATCH = 32;

var train = new FashionMnist(train: true);
var test = new FashionMnist(train: false);

var trainLoader = new EpochDataLoader(train, batchSize: BATCH, shuffle: true, seed: 123);
var testLoader = new EpochDataLoader(test, batchSize: 500);

var model = Sequential(
    ("flat", Flatten()),
    ("l1", Linear(784, 512)),
    ("r1", ReLU()),
    ("drop", Dropout(0.2)),
    ("l2", Linear(512, 10)));
var optimizer = torch.optim.Adam(model.parameters());
var loss_fn = CrossEntropyLoss();

for (int i = 0; i < EPOCHS; i++)
{
    // reset the loader before each epoch
    trainLoader.SetEpoch(0); //! CMP004
    model.train();

    int batchNum = 0;
    foreach (var batch in trainLoader)
    {
        using var scope = torch.NewDisposeScope();
        var pred = model.forward(batch["data"]);
        var loss = loss_fn.forward(pred, batch["label"]);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        batchNum++;
        if (batchNum % 200 == 0)
            Console.WriteLine($"  [{batchNum * BATCH,6}/{train.Count}] loss: {loss.item<float>():F6}");
    }

    model.eval();
    long correct = 0;
    using (torch.no_grad())
    {
        foreach (var batch in testLoader)
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
    }
    Console.WriteLine($"Epoch {i + 1}: Accuracy {(double)correct / test.Count:P1}");
}
