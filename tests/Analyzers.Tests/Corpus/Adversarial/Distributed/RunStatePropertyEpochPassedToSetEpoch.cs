// Scenario: the epoch given to SetEpoch is a property of a mutable run-state object (run.Epoch) advanced at the end of each pass of a `do … while` loop: correct, properties are not judged by CMP004 and the epoch really changes.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.State;

public sealed class RunState
{
    public int Epoch { get; set; }
    public long GlobalStep { get; set; }
    public double BestLoss { get; set; } = double.MaxValue;
}

public static class DoWhileTraining
{
    public static RunState Train(FashionMnist data, int maxEpochs, RunState run)
    {
        var sampler = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 13, dropLast: true);
        var loader = new EpochDataLoader(data, 96, sampler: sampler);
        var model = nn.Sequential(("flat", nn.Flatten()), ("fc1", nn.Linear(784, 512)), ("act", nn.ReLU()), ("fc2", nn.Linear(512, 10)));
        var opt = optim.SGD(model.parameters(), 0.1, momentum: 0.9, nesterov: true);
        var schedule = optim.lr_scheduler.StepLR(opt, 5, 0.5);
        using var reducer = new GradientAllReducer(model);

        do
        {
            loader.SetEpoch(run.Epoch);
            double total = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                reducer.AverageGradients();
                opt.step();
                total += loss.item<float>();
                run.GlobalStep++;
            }
            schedule.step();
            run.BestLoss = Math.Min(run.BestLoss, total / loader.Count);
            run.Epoch++;
        } while (run.Epoch < maxEpochs);

        return run;
    }
}
