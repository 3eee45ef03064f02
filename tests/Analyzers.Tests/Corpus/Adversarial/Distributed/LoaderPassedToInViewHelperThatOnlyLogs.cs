// Scenario: the epoch loop passes the shuffled loader to a helper of the same file (whose body is in view) that only logs its size, and nothing sets the loader's epoch (CMP002): the helper is not an unknown method that might set it.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Diagnostics;

public sealed class VerboseTrainer(FashionMnist data, int epochs)
{
    static void LogLoader(EpochDataLoader loader, int epoch)
    {
        if (Dist.Rank != 0) return;
        var sampler = loader.Sampler.GetType().Name;
        var batches = loader.BatchSampler.GetType().Name;
        Console.WriteLine($"epoch {epoch}: {loader.Count} batches of {loader.BatchSize} ({sampler} / {batches}), dropLast={loader.DropLast}");
    }

    public void Run()
    {
        var loader = new EpochDataLoader(data, batchSize: 200, shuffle: true, seed: 4242);
        var model = nn.Sequential(("flat", nn.Flatten()), ("fc1", nn.Linear(784, 400)), ("act", nn.ReLU()), ("drop", nn.Dropout(0.3)), ("fc2", nn.Linear(400, 10)));
        var opt = optim.Adamax(model.parameters(), lr: 2e-3);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            LogLoader(loader, epoch);
            foreach (var batch in loader) //! CMP002
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]).backward();
                reducer.AverageGradients();
                opt.step();
            }
        }
    }
}
