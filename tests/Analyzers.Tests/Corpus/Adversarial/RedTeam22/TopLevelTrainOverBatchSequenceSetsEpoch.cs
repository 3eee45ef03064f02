// Scenario: the top-level port of PyTorch's `train(model, loader, optimizer, epoch)` whose local function takes `IEnumerable<Dictionary<string, Tensor>> batches`, this time with `train.SetEpoch(epoch)` before each call. The call iterates `train` once per pass, and the pass sets it. Correct: no finding.
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
    train.SetEpoch(epoch);
    Train(model, train, optimizer, epoch);
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
