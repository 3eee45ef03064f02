// Scenario: PyTorch's MNIST example ported as a top-level program: `train(model, loader, optimizer, epoch)` and `test(model, loader)` become top-level (local) functions, and the epoch loop calls `Train(model, train, optimizer, epoch)` without ever setting the shuffling loader's epoch. The pages count "a call of a method in view … that iterates L once per call … L given as an argument (… PyTorch's train(model, loader, optimizer, epoch) ported)", and "Local functions and lambdas of the member are always in view": CMP002 on `train` in the call. The test loader does not shuffle.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(6000, 1, 28, 28), ["target"] = randint(0, 10, new long[] { 6000 }) });
var testSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(1000, 1, 28, 28), ["target"] = randint(0, 10, new long[] { 1000 }) });
using var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 1);
using var test = new EpochDataLoader(testSet, batchSize: 1000);

var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 128)), ("relu", nn.ReLU()), ("fc2", nn.Linear(128, 10)));
var optimizer = optim.Adadelta(model.parameters(), lr: 1.0);
var scheduler = optim.lr_scheduler.StepLR(optimizer, 1, 0.7);

for (int epoch = 1; epoch <= 14; epoch++)
{
    Train(model, train, optimizer, epoch); //! CMP002
    Test(model, test);
    scheduler.step();
}

void Train(nn.Module<Tensor, Tensor> net, EpochDataLoader loader, optim.Optimizer opt, int epoch)
{
    net.train();
    long batchIdx = 0;
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        opt.zero_grad();
        var loss = nn.functional.cross_entropy(net.forward(batch["data"]), batch["target"]);
        loss.backward();
        opt.step();
        if (batchIdx++ % 10 == 0)
            Console.WriteLine($"Train Epoch: {epoch} [{batchIdx}]\tLoss: {loss.item<float>():F6}");
    }
}

void Test(nn.Module<Tensor, Tensor> net, EpochDataLoader loader)
{
    net.eval();
    using var noGrad = no_grad();
    long correct = 0, total = 0;
    foreach (var batch in loader)
    {
        using var scope = NewDisposeScope();
        correct += net.forward(batch["data"]).argmax(1).eq(batch["target"]).sum().item<long>();
        total += batch["target"].shape[0];
    }
    Console.WriteLine($"Test set: Accuracy: {correct}/{total}");
}
