// Scenario: a per-epoch factory for a TorchSharp loader mixes the epoch into its seed through a local, `int seed = unchecked(BaseSeed * 1_000_003 + epoch); return new DataLoader(…, shuffle: true, seed: seed);`, and the training loop asks it for a loader every epoch. CMP003 does not flag "A loader built outside every loop of an ordinary method whose seed reads that method's parameter named for the current epoch — `epoch` … — and the method never changes that parameter"; the seed is computed from `epoch` alone and the factory never changes it. No finding (the evaluation loader does not shuffle).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam20.PerEpochFactorySeedThroughLocal;

public static class Loaders
{
    private const int BaseSeed = 2026;

    public static DataLoader ForEpoch(torch.utils.data.Dataset data, int epoch)
    {
        int seed = unchecked(BaseSeed * 1_000_003 + epoch);
        return new DataLoader(data, 64, shuffle: true, seed: seed, disposeDataset: false);
    }

    public static DataLoader ForEvaluation(torch.utils.data.Dataset data) => new DataLoader(data, 256, shuffle: false, disposeDataset: false);
}

public static class Program
{
    public static void Main()
    {
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(3000, 20), ["y"] = randint(0, 5, new long[] { 3000 }) });
        var testSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(600, 20), ["y"] = randint(0, 5, new long[] { 600 }) });
        var model = nn.Sequential(("fc1", nn.Linear(20, 64)), ("act", nn.ReLU()), ("fc2", nn.Linear(64, 5)));
        var optimizer = optim.SGD(model.parameters(), 0.05);

        for (int epoch = 0; epoch < 15; epoch++)
        {
            using var train = Loaders.ForEpoch(trainSet, epoch);
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                optimizer.step();
            }
            using var test = Loaders.ForEvaluation(testSet);
            using var noGrad = no_grad();
            long correct = 0;
            foreach (var batch in test) correct += model.forward(batch["x"]).argmax(1).eq(batch["y"]).sum().item<long>();
            Console.WriteLine($"epoch {epoch}: {correct}/{testSet.Count}");
        }
    }
}
