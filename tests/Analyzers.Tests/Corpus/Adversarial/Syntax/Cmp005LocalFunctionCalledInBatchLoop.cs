// Scenario: an `OnFirstBatch()` local function that sets the loader's epoch is called from inside the batch loop (bug: CMP005 on the setter in the local function).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp005LocalFunctionCalledInBatchLoop;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(700, 7), ["label"] = randint(0, 7, 700) });
        using var train = new EpochDataLoader(data, batchSize: 35, shuffle: true, seed: 70);
        var model = nn.Linear(7, 7);
        var opt = optim.Adam(model.parameters());

        for (int epoch = 0; epoch < 5; epoch++)
        {
            void OnFirstBatch()
            {
                train.SetEpoch(epoch); //! CMP005
                Console.WriteLine($"epoch {epoch} started");
            }

            int step = 0;
            foreach (var batch in train)
            {
                if (step++ == 0) OnFirstBatch();
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        }
    }
}
