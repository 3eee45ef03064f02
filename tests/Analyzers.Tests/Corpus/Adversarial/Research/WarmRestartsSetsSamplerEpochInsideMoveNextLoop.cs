// Scenario: SGDR-style warm restarts with a hand-driven enumerator (cosine LR per step); the RandomSampler the loader was built from gets its epoch on the first MoveNext of each epoch — one epoch late (CMP005)
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Lab.Schedules;

public static class WarmRestarts
{
    public static void Main()
    {
        const double lrMax = 0.1, lrMin = 1e-4;
        int[] cycleLengths = { 2, 4, 8, 16 }; // T_0 = 2, T_mult = 2

        Reproducibility.SeedAll(8);
        using var data = new FashionMnist(train: true);
        var sampler = new RandomSampler(data.Count, seed: 8);
        var train = new EpochDataLoader(data, batchSize: 128, sampler: sampler);

        var model = Sequential(
            ("conv", Conv2d(1, 32, 5, padding: 2)), ("relu", ReLU()), ("pool", AdaptiveAvgPool2d(4)),
            ("flat", Flatten()), ("fc", Linear(32 * 16, 10)));
        var opt = optim.SGD(model.parameters(), lrMax, momentum: 0.9, weight_decay: 5e-4);

        int globalEpoch = 0;
        foreach (var cycleLen in cycleLengths)
        {
            long stepsInCycle = cycleLen * train.Count;
            long t = 0;
            for (int e = 0; e < cycleLen; e++)
            {
                model.train();
                using var it = train.GetEnumerator();
                bool first = true;
                while (it.MoveNext())
                {
                    if (first) { sampler.SetEpoch(globalEpoch); first = false; } //! CMP005

                    double lr = lrMin + 0.5 * (lrMax - lrMin) * (1 + Math.Cos(Math.PI * t / stepsInCycle));
                    foreach (var g in opt.ParamGroups) g.LearningRate = lr;

                    using var scope = NewDisposeScope();
                    var batch = it.Current;
                    var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    opt.zero_grad();
                    loss.backward();
                    opt.step();
                    t++;
                }
                Console.WriteLine($"cycle T={cycleLen} epoch {globalEpoch}: lr now {opt.ParamGroups.First().LearningRate:E2}");
                globalEpoch++;
            }
            // snapshot at the end of every cycle (snapshot ensembles)
            model.save($"sgdr_snapshot_T{cycleLen}.bin");
        }
    }
}
