// Scenario: a test helper builds TorchSharp's shuffling DataLoader per epoch from a factory whose seed reads its epoch parameter (7 + epoch), and the smoke test rebuilds the loader from it in every epoch; each epoch gets a new seed (right)
using TorchSharp;
using TorchSharp.Modules;
using Composer.Data;
using static TorchSharp.torch;

namespace Composer.Checks.TorchSharpLoaders;

[AttributeUsage(AttributeTargets.Method)]
file sealed class FactAttribute : Attribute { }

public sealed class PerEpochLoaderTests
{
    private const int BaseSeed = 7;

    // One loader per epoch: TorchSharp's own shuffling cannot be told the epoch, so the seed carries it.
    private static DataLoader LoaderForEpoch(torch.utils.data.Dataset data, int epoch) =>
        new DataLoader(data, 32, shuffle: true, seed: BaseSeed + epoch, disposeDataset: false);

    [Fact]
    public void Regression_smoke_run_reshuffles_each_epoch()
    {
        manual_seed(0);
        const int n = 400;
        var x = randn(n, 3);
        var y = x.matmul(tensor(new[] { 1.5f, -2f, 0.5f })).unsqueeze(1) + 0.1f * randn(n, 1);
        using var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = x,
            ["target"] = y,
            ["index"] = arange(n, dtype: ScalarType.Int64),
        });

        var model = nn.Linear(3, 1);
        var optimizer = optim.SGD(model.parameters(), 0.05);
        using var mse = nn.MSELoss();
        var firstBatches = new List<long[]>();

        for (int epoch = 0; epoch < 4; epoch++)
        {
            using var loader = LoaderForEpoch(data, epoch);
            bool first = true;
            foreach (var batch in loader)
            {
                if (first) { firstBatches.Add(batch["index"].data<long>().ToArray()); first = false; }
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = mse.forward(model.forward(batch["data"]), batch["target"]);
                loss.backward();
                optimizer.step();
            }
        }

        for (int i = 1; i < firstBatches.Count; i++)
            if (firstBatches[i].SequenceEqual(firstBatches[i - 1]))
                throw new InvalidOperationException($"epoch {i} started with the same batch as epoch {i - 1}");
    }
}
