// Scenario: an LR range test over a list of batches taken once before training, then while (!earlyStop) calls a TrainOneEpoch method that sets the loader's epoch itself before iterating it — right (no loop here re-reads a loader without its epoch).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.TrainOneEpochMethodSetsItsLoaderNegative;

public static class Program
{
    static double TrainOneEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, EpochDataLoader loader, int epoch)
    {
        // the loader reshuffles from (seed, epoch)
        loader.SetEpoch(epoch);
        model.train();
        double total = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
        }
        return total / loader.Count;
    }

    public static void Main()
    {
        using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(25_000, 60), ["label"] = randint(0, 10, new long[] { 25_000 }) });
        using var train = new EpochDataLoader(data, batchSize: 100, sampler: new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: 123), disposeBatches: false);
        var model = nn.Sequential(("fc1", nn.Linear(60, 120)), ("act", nn.ReLU()), ("fc2", nn.Linear(120, 10)));

        // LR range test on the first 50 batches of epoch 0
        train.SetEpoch(0);
        var probe = train.Take(50).ToList();
        var lrs = new List<(double Lr, double Loss)>();
        var finder = optim.SGD(model.parameters(), 1e-5);
        for (int i = 0; i < probe.Count; i++)
        {
            double lr = 1e-5 * Math.Pow(10, i / 10.0);
            foreach (var group in finder.ParamGroups) group.LearningRate = lr;
            var loss = nn.functional.cross_entropy(model.forward(probe[i]["data"]), probe[i]["label"]);
            finder.zero_grad();
            loss.backward();
            finder.step();
            lrs.Add((lr, loss.item<float>()));
        }
        double bestLr = lrs.MinBy(p => p.Loss).Lr / 10;

        var optimizer = optim.SGD(model.parameters(), bestLr, momentum: 0.9);
        int epoch = 0, stale = 0;
        double best = double.MaxValue;
        bool earlyStop = false;
        while (!earlyStop)
        {
            var loss = TrainOneEpoch(model, optimizer, train, epoch++);
            if (loss < best - 1e-3) { best = loss; stale = 0; } else stale++;
            earlyStop = stale >= 3 || epoch >= 50;
        }
    }
}
