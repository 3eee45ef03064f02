// Scenario: a trainer drops empty batches with a helper in view, `NonEmpty(loader)`, that builds `var batches = loader.Where(…)` and returns it; the epoch loop runs `foreach (var batch in NonEmpty(train))` and tells `train` its epoch on the first batch (`if (first) { train.SetEpoch(epoch); first = false; }`). `NonEmpty` returns LINQ on the loader, so it is an iterator that wraps it ("a method that returns LINQ on `L` (`=> L.Select(…)`) counts as one"), and "the body of a `foreach` over such an iterator [runs during the iteration] …: a setter of `L` there is CMP005". The epoch arrives one epoch late (epochs 0 and 1 share one order). CMP005 on the setter.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam23.NonEmptyBatchesViaLocalSetsInside;

public static class Program
{
    /// <summary>The loader's batches, without the empty ones a filtered data set can leave at the end.</summary>
    static IEnumerable<Dictionary<string, Tensor>> NonEmpty(EpochDataLoader loader)
    {
        var batches = loader.Where(b => b["x"].shape[0] > 0);
        return batches;
    }

    public static void Main()
    {
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(12000, 40), ["y"] = randint(0, 6, new long[] { 12000 }) });
        using var train = new EpochDataLoader(trainSet, batchSize: 96, shuffle: true, seed: 5);
        var model = nn.Sequential(("fc1", nn.Linear(40, 120)), ("act", nn.ReLU()), ("fc2", nn.Linear(120, 6)));
        var optimizer = optim.AdamW(model.parameters(), lr: 5e-4);
        for (int epoch = 0; epoch < 8; epoch++)
        {
            bool first = true;
            foreach (var batch in NonEmpty(train))
            {
                if (first) { train.SetEpoch(epoch); first = false; } //! CMP005
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                optimizer.step();
            }
        }
    }
}
