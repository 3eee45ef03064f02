// Scenario: step-based training that cycles a shuffling loader's enumerator; when it runs out it sets the next epoch (`loader.SetEpoch(++epoch)`) and restarts the enumerator; correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002StepBasedInfiniteLoader;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(1000, 16), ["label"] = randint(0, 4, 1000) });
        using var loader = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 21);
        var model = nn.Linear(16, 4);
        var opt = optim.AdamW(model.parameters(), lr: 5e-4);
        const long maxSteps = 2_000;

        int epoch = 0;
        loader.SetEpoch(epoch);
        var it = loader.GetEnumerator();
        try
        {
            for (long step = 0; step < maxSteps; step++)
            {
                if (!it.MoveNext())
                {
                    it.Dispose();
                    loader.SetEpoch(++epoch);
                    it = loader.GetEnumerator();
                    if (!it.MoveNext()) break;
                }
                var batch = it.Current;
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
                if (step % 500 == 0) Console.WriteLine($"step {step} (epoch {epoch}): {loss.item<float>():F4}");
            }
        }
        finally
        {
            it.Dispose();
        }
    }
}
