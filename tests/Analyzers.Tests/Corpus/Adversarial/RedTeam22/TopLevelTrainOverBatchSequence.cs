// Scenario: PyTorch's `train(model, loader, optimizer, epoch)` ported into a top-level program as a local function that takes its batches as `IEnumerable<Dictionary<string, Tensor>> batches` (so it also runs over a list of cached batches in a unit test) and runs a `foreach` straight over it; the epoch loop calls `Train(model, train, optimizer, epoch)` with the shuffling loader and never tells it the epoch. The pages follow "a call of a method in view … that iterates L once per call … L given as an argument … also when the method takes it as a sequence interface or a type parameter, `IEnumerable<Dictionary<string, Tensor>> batches`, and runs a `foreach` straight over it", and "Local functions and lambdas of the member are always in view" (a local function that iterates the loader it is handed counts like a method). CMP002 on `train` in the call.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(6000, 1, 28, 28), ["target"] = randint(0, 10, new long[] { 6000 }) });
using var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 1);

var model = nn.Sequential(("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 128)), ("relu", nn.ReLU()), ("fc2", nn.Linear(128, 10)));
var optimizer = optim.Adadelta(model.parameters(), lr: 1.0);
var scheduler = optim.lr_scheduler.StepLR(optimizer, 1, 0.7);

for (int epoch = 1; epoch <= 14; epoch++)
{
    Train(model, train, optimizer, epoch); //! CMP002
    scheduler.step();
}

void Train(nn.Module<Tensor, Tensor> net, IEnumerable<Dictionary<string, Tensor>> batches, optim.Optimizer opt, int epoch)
{
    net.train();
    long batchIdx = 0;
    foreach (var batch in batches)
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
