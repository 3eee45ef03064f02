// Scenario: the loader comes from a switch expression whose "pk" arm passes a ClassBalancedBatchSampler, and the loop sets the epoch through a hoisted alias `var aware = loader.Sampler as IEpochAware`: the P×K arm never reshuffles (CMP001).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments;

public sealed record Experiment(string Mode, int Epochs, int Seed);

public static class ModeSwitchTraining
{
    public static void Run(FashionMnist data, Experiment exp)
    {
        var labels = data.Columns["label"].data<long>().ToArray();
        var loader = exp.Mode switch
        {
            "pk" => new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, 10, 4, exp.Seed, Dist.WorldSize, Dist.Rank)),
            "ddp" => new EpochDataLoader(data, 64, sampler: new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: exp.Seed)),
            _ => new EpochDataLoader(data, 64, shuffle: true, seed: exp.Seed),
        };

        var model = nn.Sequential(("flat", nn.Flatten()), ("fc1", nn.Linear(784, 128)), ("act", nn.ReLU()), ("fc2", nn.Linear(128, 10)));
        var opt = optim.Adam(model.parameters(), lr: 1e-3);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        var aware = loader.Sampler as IEpochAware;
        for (int epoch = 0; epoch < exp.Epochs; epoch++)
        {
            aware?.SetEpoch(epoch); //! CMP001
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                reducer.AverageGradients();
                opt.step();
            }
            if (Dist.Rank == 0) Console.WriteLine($"[{exp.Mode}] epoch {epoch} done");
        }
    }
}
