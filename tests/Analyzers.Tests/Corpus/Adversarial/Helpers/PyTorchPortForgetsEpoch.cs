// Scenario: PyTorch's MNIST example ported: each epoch calls Train(model, trainLoader, optimizer, epoch) then Test(model, testLoader). Train takes the epoch but only logs it, so the shuffle: true loader replays epoch 0's order; CMP002 is reported on "the loader argument of its call (`train` in `TrainOneEpoch(model, train)`)". Test's loader does not shuffle, so that call is not flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.PyTorchPortForgetsEpoch;

public static class Program
{
    public static void Main()
    {
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(2048, 1, 28, 28),
            ["label"] = randint(0, 10, new long[] { 2048 }),
        });
        var testSet = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(512, 1, 28, 28),
            ["label"] = randint(0, 10, new long[] { 512 }),
        });
        using var trainLoader = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 1);
        using var testLoader = new EpochDataLoader(testSet, batchSize: 1000);

        var model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(784, 128)),
            ("relu", nn.ReLU()),
            ("fc2", nn.Linear(128, 10)),
            ("logsm", nn.LogSoftmax(1)));
        var optimizer = optim.Adadelta(model.parameters(), lr: 1.0);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, 1, 0.7);

        for (int epoch = 1; epoch <= 14; epoch++)
        {
            Train(model, trainLoader, optimizer, epoch); //! CMP002
            Test(model, testLoader);
            scheduler.step();
        }
    }

    static void Train(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, optim.Optimizer optimizer, int epoch)
    {
        model.train();
        long batchIdx = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var output = model.forward(batch["data"]);
            var loss = nn.functional.nll_loss(output, batch["label"]);
            loss.backward();
            optimizer.step();
            if (batchIdx % 10 == 0)
                Console.WriteLine($"Train Epoch: {epoch} [{batchIdx}/{loader.Count}]\tLoss: {loss.item<float>():F6}");
            batchIdx++;
        }
    }

    static void Test(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        model.eval();
        double testLoss = 0;
        long correct = 0, total = 0;
        using (no_grad())
        {
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var output = model.forward(batch["data"]);
                testLoss += nn.functional.nll_loss(output, batch["label"], reduction: nn.Reduction.Sum).item<float>();
                correct += output.argmax(1).eq(batch["label"]).sum().item<long>();
                total += batch["label"].shape[0];
            }
        }
        Console.WriteLine($"Test set: Average loss: {testLoss / total:F4}, Accuracy: {correct}/{total}");
    }
}
