// Scenario: the PyTorch MNIST example ported with its train(model, loader, optimizer, epoch) helper; epoch is only used for logging and no one sets the loader's epoch; a bug (CMP002 on the train argument of the call); test() over a plain loader is fine.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Scripts.MnistExample;

public static class MnistExample
{
    const int LogInterval = 10;

    static void TrainEpoch(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, optim.Optimizer optimizer, int epoch)
    {
        model.train();
        long batchIdx = 0;
        foreach (var batch in loader)
        {
            optimizer.zero_grad();
            using var output = nn.functional.log_softmax(model.call(batch["data"]), 1);
            using var loss = nn.functional.nll_loss(output, batch["label"]);
            loss.backward();
            optimizer.step();
            if (batchIdx++ % LogInterval == 0)
                Console.WriteLine($"Train Epoch: {epoch} [{batchIdx}/{loader.Count}]\tLoss: {loss.item<float>():F6}");
        }
    }

    static void Test(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, long size)
    {
        model.eval();
        double testLoss = 0;
        long correct = 0;
        using (no_grad())
        {
            foreach (var batch in loader)
            {
                var output = nn.functional.log_softmax(model.call(batch["data"]), 1);
                testLoss += nn.functional.nll_loss(output, batch["label"], reduction: nn.Reduction.Sum).item<float>();
                correct += output.argmax(1).eq(batch["label"]).sum().ToInt64();
            }
        }
        Console.WriteLine($"Test set: Average loss: {testLoss / size:F4}, Accuracy: {correct}/{size}");
    }

    public static void Main(string[] args)
    {
        int epochs = args.Length > 0 ? int.Parse(args[0]) : 14;
        torch.manual_seed(1);
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(60_000, 784), ["label"] = randint(0, 10, new long[] { 60_000 }) });
        var testSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(10_000, 784), ["label"] = randint(0, 10, new long[] { 10_000 }) });
        using var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 1);
        using var test = new EpochDataLoader(testSet, batchSize: 1000);

        var model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Dropout(0.25), nn.Linear(128, 10));
        var optimizer = optim.Adadelta(model.parameters(), lr: 1.0);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, 1, 0.7);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            TrainEpoch(model, train, optimizer, epoch); //! CMP002
            Test(model, test, testSet.Count);
            scheduler.step();
        }
    }
}
