// Scenario: beginner sets the epoch with `Epochs.SetEpoch(trainLoader, epoch)` guarded by `if (step == 0)` inside the batch loop, thinking "start of the epoch" means "first batch": wrong, the first batch's order was already drawn, so the setting only reaches the next epoch (CMP005)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

int epoch;
int numEpochs = 6;
int logEvery = 100;
float bestLoss = float.MaxValue;

var trainData = new FashionMnist(train: true);
var trainLoader = new EpochDataLoader(trainData, batchSize: 128, shuffle: true, seed: 31337, prefetch: true);

var net = Sequential(
    ("flatten", Flatten()),
    ("fc1", Linear(784, 128)),
    ("tanh", Tanh()),
    ("fc2", Linear(128, 10)));
var optim = torch.optim.RMSProp(net.parameters(), lr: 0.001);

for (epoch = 0; epoch < numEpochs; epoch++)
{
    var step = 0;
    var epochLoss = 0.0;
    foreach (var batch in trainLoader)
    {
        if (step == 0)
            Epochs.SetEpoch(trainLoader, epoch); //! CMP005

        using var scope = torch.NewDisposeScope();
        var output = net.forward(batch["data"]);
        var loss = functional.cross_entropy(output, batch["label"]);
        optim.zero_grad();
        loss.backward();
        optim.step();

        epochLoss += loss.item<float>();
        step++;
        if (step % logEvery == 0)
            Console.WriteLine($"epoch {epoch} step {step}: {epochLoss / step:F4}");
    }

    var avg = (float)(epochLoss / step);
    if (avg < bestLoss)
    {
        bestLoss = avg;
        net.save("best.bin");
        Console.WriteLine($"saved new best model ({bestLoss:F4})");
    }
}
