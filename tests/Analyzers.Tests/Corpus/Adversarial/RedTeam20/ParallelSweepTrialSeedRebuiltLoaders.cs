// Scenario: a hyper-parameter sweep runs trials with `Parallel.For(0, trials, trial => { … })` and, inside each trial's epoch loop, rebuilds its loaders seeded from the trial index: a TorchSharp DataLoader with `shuffle: true, seed: 1000 + trial` and an EpochDataLoader with `shuffle: true, seed: 2000 + trial`, neither told the epoch. Within a trial the seed is the same on every epoch. CMP003: "Inside a loop, a seed is fixed when it is made only of constants, of locals and parameters that the loop neither declares nor changes" (`trial` is the lambda's parameter): CMP003. CMP002: "A loader rebuilt on every pass is flagged too when its seed is the same on every pass": CMP002.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam20.ParallelSweepTrialSeedRebuiltLoaders;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1600, 10), ["y"] = randint(0, 2, new long[] { 1600 }) });
        double[] learningRates = [0.3, 0.1, 0.03, 0.01];
        var finalLoss = new double[learningRates.Length];

        Parallel.For(0, learningRates.Length, trial =>
        {
            var model = nn.Sequential(("fc1", nn.Linear(10, 16)), ("act", nn.ReLU()), ("fc2", nn.Linear(16, 2)));
            var optimizer = optim.SGD(model.parameters(), learningRates[trial]);
            for (int epoch = 0; epoch < 10; epoch++)
            {
                using var probe = new DataLoader(data, 400, shuffle: true, seed: 1000 + trial, disposeDataset: false); //! CMP003
                using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 2000 + trial);
                foreach (var batch in train) //! CMP002
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                    optimizer.step();
                }
                using var noGrad = no_grad();
                var first = probe.First();
                finalLoss[trial] = nn.functional.cross_entropy(model.forward(first["x"]), first["y"]).item<float>();
            }
        });

        Console.WriteLine(string.Join(", ", finalLoss.Select(l => l.ToString("F4"))));
    }
}
