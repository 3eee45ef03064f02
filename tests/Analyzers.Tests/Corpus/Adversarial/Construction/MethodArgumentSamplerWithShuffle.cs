// Scenario: A launcher builds EpochDataLoader inline as a method argument with both a DistributedSampler and shuffle: true, which the runtime rejects (bug: CMP006); the Fit method it calls sets the epoch correctly.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Launcher;

public static class Program
{
    public static void Main(string[] args)
    {
        Dist.Initialize();
        var trainSet = new FashionMnist(train: true);
        var model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(784, 200)),
            ("act", nn.LeakyReLU(0.1)),
            ("fc2", nn.Linear(200, 10)));

        int epochs = args.Length > 0 ? int.Parse(args[0]) : 10;
        double finalLoss = Fit(model, new EpochDataLoader(trainSet, 64, shuffle: true, sampler: new DistributedSampler(trainSet.Count, seed: 1)), epochs); //! CMP006
        if (Dist.Rank == 0) Console.WriteLine($"final loss {finalLoss:F4}");
    }

    static double Fit(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, int epochs)
    {
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var optimizer = optim.SGD(model.parameters(), 0.05);
        double last = double.NaN;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.SetEpoch(epoch);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
                last = loss.item<float>();
            }
        }
        loader.Dispose();
        return last;
    }
}
