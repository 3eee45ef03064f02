// Scenario: an epoch's losses are collected with `loader.Select((b, i) => { if (i == 0) loader.SetEpoch(epoch); ... }).ToArray()`, so the epoch is set while the loader is already being enumerated (bug: CMP005).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp005IndexedSelectLambdaToList;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(400, 3), ["label"] = randn(400, 1) });
        var loader = new EpochDataLoader(data, batchSize: 20, shuffle: true, seed: 12);
        var model = nn.Linear(3, 1);
        var opt = optim.SGD(model.parameters(), learningRate: 0.05);

        for (int epoch = 0; epoch < 15; epoch++)
        {
            var losses = loader.Select((batch, i) =>
            {
                if (i == 0) loader.SetEpoch(epoch); //! CMP005
                opt.zero_grad();
                using var loss = nn.functional.mse_loss(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
                return loss.item<float>();
            }).ToArray();
            Console.WriteLine($"epoch {epoch}: {losses.Average():F4}");
        }
    }
}
