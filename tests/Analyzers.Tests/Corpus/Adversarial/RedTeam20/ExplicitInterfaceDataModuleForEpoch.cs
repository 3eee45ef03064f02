// Scenario: a Lightning-style data module implements `IEpochDataModule.TrainLoader(int epoch)` explicitly and builds a TorchSharp loader with `shuffle: true, seed: BaseSeed + epoch`; the trainer asks it for a fresh loader each epoch. That is CMP003's per-epoch factory: "A loader built outside every loop of an ordinary method whose seed reads that method's parameter named for the current epoch — `epoch` … — and the method never changes that parameter … whose callers, in other members or files, give it each epoch". The method is explicit only in how it names its interface; no finding. The validation loader does not shuffle.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam20.ExplicitInterfaceDataModuleForEpoch;

public interface IEpochDataModule
{
    DataLoader TrainLoader(int epoch);
    DataLoader ValLoader();
}

public sealed class TabularDataModule(torch.utils.data.Dataset trainSet, torch.utils.data.Dataset valSet) : IEpochDataModule
{
    private const int BaseSeed = 7_919;

    DataLoader IEpochDataModule.TrainLoader(int epoch) =>
        new DataLoader(trainSet, 128, shuffle: true, seed: BaseSeed + epoch, disposeDataset: false);

    DataLoader IEpochDataModule.ValLoader() =>
        new DataLoader(valSet, 512, shuffle: false, disposeDataset: false);
}

public static class Program
{
    public static void Main()
    {
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(2500, 8), ["y"] = randint(0, 2, new long[] { 2500 }) });
        var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(500, 8), ["y"] = randint(0, 2, new long[] { 500 }) });
        IEpochDataModule module = new TabularDataModule(trainSet, valSet);

        var model = nn.Sequential(("fc1", nn.Linear(8, 32)), ("act", nn.ReLU()), ("fc2", nn.Linear(32, 2)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < 12; epoch++)
        {
            using var train = module.TrainLoader(epoch);
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                optimizer.step();
            }
            using var val = module.ValLoader();
            Console.WriteLine($"epoch {epoch}: {val.Count} validation batches");
        }
    }
}
