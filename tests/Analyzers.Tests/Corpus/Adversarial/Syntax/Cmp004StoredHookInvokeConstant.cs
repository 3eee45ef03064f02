// Scenario: the same stored hook invoked as `onEpochStart.Invoke(0)` in the epoch loop, passing a constant (bug: CMP004 on the setter inside the lambda).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp004StoredHookInvokeConstant;

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
            train.SetEpoch(e); //! CMP004
            model.train();
        };

        for (int epoch = 0; epoch < 8; epoch++)
        {
            onEpochStart.Invoke(0);
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
