// Scenario: the TorchSharp DataLoader that was rebuilt each epoch with seed: 1000 + epoch is now made once by MakeTrainLoader(data, batchSize, seed); a shuffling DataLoader with a fixed seed repeats its order every epoch (wrong).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Tabular.Legacy;

public static class HousingRegression
{
    public static void Run(torch.utils.data.Dataset trainSet, int epochs)
    {
        var model = nn.Sequential(
            ("fc1", nn.Linear(13, 64)),
            ("act", nn.GELU()),
            ("fc2", nn.Linear(64, 1)));
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        // Built once now instead of inside the loop ("allocation churn").
        using var train = MakeTrainLoader(trainSet, batchSize: 32, seed: 1000);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double sum = 0;
            long count = 0;
            foreach (var batch in train)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var prediction = model.call(batch["data"]).squeeze(-1);
                var loss = nn.functional.mse_loss(prediction, batch["target"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                count++;
            }
            Console.WriteLine($"epoch {epoch}: mse {sum / Math.Max(1, count):F4}");
        }
    }

    static DataLoader MakeTrainLoader(torch.utils.data.Dataset data, int batchSize, int seed) =>
        new DataLoader(data, batchSize, shuffle: true, seed: seed); //! CMP003
}
