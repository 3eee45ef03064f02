// Scenario: an epoch-start hook stored in a local lambda (`Action<int> onEpochStart = e => { train.SetEpoch(e); ... }`) is invoked as `onEpochStart?.Invoke(epoch)` with the loop's epoch; correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp004StoredHookNullConditionalInvoke;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(1024, 6), ["label"] = randint(0, 3, 1024) });
        using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 13);
        var model = nn.Linear(6, 3);
        var opt = optim.Adam(model.parameters());

        Action<int> onEpochStart = e =>
        {
            train.SetEpoch(e);
            model.train();
            Console.WriteLine($"epoch {e}: {train.Count} batches");
        };

        for (int epoch = 0; epoch < 8; epoch++)
        {
            onEpochStart?.Invoke(epoch);
            foreach (var batch in train)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        }
    }
}
