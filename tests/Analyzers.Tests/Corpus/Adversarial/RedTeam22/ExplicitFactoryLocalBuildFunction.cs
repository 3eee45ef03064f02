// Scenario: a Lightning-style data module implements `IEpochDataModule.TrainLoaders(int epoch)` explicitly; inside, a small local function `Build(set, seed)` makes each task's shuffling TorchSharp loader, and the method calls it with `BaseSeed + epoch` and `BaseSeed + 1_000 + epoch`; the trainer asks for fresh loaders every epoch. "A local function or lambda is judged at its calls instead", and both calls sit outside every loop of an explicit interface implementation and pass a seed that reads "that method's parameter named for the current epoch", which it never changes — the per-epoch factory CMP003 exempts ("whose callers, in other members or files, give it each epoch"). Correct: no finding.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam22.ExplicitFactoryLocalBuildFunction;

public interface IEpochDataModule
{
    (DataLoader Main, DataLoader Aux) TrainLoaders(int epoch);
}

public sealed class TwoTaskDataModule(torch.utils.data.Dataset main, torch.utils.data.Dataset aux, int batchSize) : IEpochDataModule
{
    private const int BaseSeed = 4_242;

    (DataLoader Main, DataLoader Aux) IEpochDataModule.TrainLoaders(int epoch)
    {
        return (Build(main, BaseSeed + epoch), Build(aux, BaseSeed + 1_000 + epoch));

        DataLoader Build(torch.utils.data.Dataset set, int seed) =>
            new DataLoader(set, batchSize, shuffle: true, seed: seed, disposeDataset: false);
    }
}

public static class Program
{
    public static void Main()
    {
        var main = new Composer.Data.InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 16), ["y"] = randint(0, 4, new long[] { 4000 }) });
        var aux = new Composer.Data.InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1000, 16), ["y"] = randint(0, 4, new long[] { 1000 }) });
        IEpochDataModule module = new TwoTaskDataModule(main, aux, 64);
        var model = nn.Sequential(("fc1", nn.Linear(16, 64)), ("act", nn.ReLU()), ("fc2", nn.Linear(64, 4)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < 10; epoch++)
        {
            var (mainLoader, auxLoader) = module.TrainLoaders(epoch);
            using (mainLoader)
            using (auxLoader)
            {
                foreach (var (a, b) in mainLoader.Zip(auxLoader))
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.cross_entropy(model.forward(a["x"]), a["y"]) + 0.3 * nn.functional.cross_entropy(model.forward(b["x"]), b["y"]);
                    loss.backward();
                    optimizer.step();
                }
            }
        }
    }
}
