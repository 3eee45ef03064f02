// Scenario: a local function `BeginEpoch(int e = 0)` sets the loader's epoch and is called as `BeginEpoch()` in the epoch loop, so the default 0 is passed on every pass (bug: CMP004 on the setter inside the local function).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp004DefaultParameterLocalFunction;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(512, 8), ["label"] = randint(0, 2, 512) });
        using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 3);
        var model = nn.Linear(8, 2);
        var opt = optim.Adam(model.parameters());

        void BeginEpoch(int e = 0)
        {
            train.SetEpoch(e); //! CMP004
            model.train();
        }

        for (int epoch = 0; epoch < 6; epoch++)
        {
            BeginEpoch();
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
