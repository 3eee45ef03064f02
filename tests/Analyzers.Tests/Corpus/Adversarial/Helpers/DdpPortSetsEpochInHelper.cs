// Scenario: PyTorch DDP example ported: the epoch loop calls Train(model, trainLoader, optimizer, epoch), and Train calls loader.SetEpoch(epoch) before iterating. Correct, no finding: a pass is handled by "a call to a method, constructor or local function in view that does one of these ... to the parameter that receives L". The test loader uses DistributedSampler(..., shuffle: false), "a typical evaluation loader", which is not epoch-dependent.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.DdpPortSetsEpochInHelper;

public static class Program
{
    public static void Main()
    {
        const int worldSize = 2, rank = 0;
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(4096, 32),
            ["label"] = randint(0, 4, new long[] { 4096 }),
        });
        var testSet = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(1024, 32),
            ["label"] = randint(0, 4, new long[] { 1024 }),
        });
        using var trainLoader = new EpochDataLoader(trainSet, batchSize: 32,
            sampler: new DistributedSampler(trainSet.Count, numReplicas: worldSize, rank: rank, seed: 5));
        using var testLoader = new EpochDataLoader(testSet, batchSize: 256,
            sampler: new DistributedSampler(testSet.Count, numReplicas: worldSize, rank: rank, shuffle: false));

        var model = nn.Sequential(("fc1", nn.Linear(32, 64)), ("act", nn.GELU()), ("fc2", nn.Linear(64, 4)));
        var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

        for (int epoch = 0; epoch < 20; epoch++)
        {
            var trainLoss = Train(model, trainLoader, optimizer, epoch);
            var accuracy = Test(model, testLoader);
            if (rank == 0) Console.WriteLine($"epoch {epoch}: loss {trainLoss:F4} acc {accuracy:P1}");
        }
    }

    static double Train(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, optim.Optimizer optimizer, int epoch)
    {
        loader.SetEpoch(epoch); // train_loader.sampler.set_epoch(epoch), done on the whole loader
        model.train();
        double sum = 0;
        int steps = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
            steps++;
        }
        return sum / Math.Max(steps, 1);
    }

    static double Test(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        model.eval();
        long correct = 0, seen = 0;
        using var _ = no_grad();
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            var predicted = model.forward(batch["data"]).argmax(1);
            correct += predicted.eq(batch["label"]).sum().item<long>();
            seen += batch["label"].shape[0];
        }
        return seen == 0 ? 0 : (double)correct / seen;
    }
}
