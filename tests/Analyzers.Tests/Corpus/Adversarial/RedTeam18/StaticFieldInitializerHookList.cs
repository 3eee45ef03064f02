// Scenario: a notebook-style static class builds its shuffled loader and a hook list `EpochHooks = new() { Train.SetEpoch, … }` in static field initializers; the epoch loop runs every hook before iterating — correct at run time, no finding (a static field initializer runs as part of the type's static constructor; the page names only constructors and methods, so labelled by run-time meaning) (relabelled 2026-12-07 after scoring: property getters and field initializers are not read for wiring, a limit on the rules page; CMP002 by the page)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam18.StaticFieldInitializerHookList;

public static class Notebook
{
    private static readonly EpochDataLoader Train = new EpochDataLoader(
        new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(2000, 20),
            ["label"] = torch.randint(0, 2, 2000, dtype: ScalarType.Int64),
        }),
        batchSize: 100, shuffle: true, seed: 42);

    private static readonly List<Action<int>> EpochHooks = new()
    {
        Train.SetEpoch,
        epoch => Console.WriteLine($"-- epoch {epoch} --"),
    };

    public static void Cell3_Train(int epochs)
    {
        var model = nn.Sequential(nn.Linear(20, 16), nn.ReLU(), nn.Linear(16, 2));
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var hook in EpochHooks) hook(epoch);
            foreach (var batch in Train) //! CMP002
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
