// Scenario: the batch loop was rewritten as train.Select((batch, step) => ...).Average() and the reshuffle moved into the lambda under "if (step == 0)"; the order is fixed when the enumeration starts, so each epoch runs with the previous epoch's order (wrong).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Energy.Forecasting;

public static class LoadForecaster
{
    public static void Fit(InMemoryDataset windows, int epochs)
    {
        var model = nn.Sequential(
            ("fc1", nn.Linear(96, 128)),
            ("act", nn.SiLU()),
            ("fc2", nn.Linear(128, 24)));
        using var optimizer = optim.Adam(model.parameters(), lr: 5e-4);
        using var train = new EpochDataLoader(windows, batchSize: 64, shuffle: true, seed: 8, dropLast: true);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            double meanLoss = train
                .Select((batch, step) =>
                {
                    if (step == 0) train.SetEpoch(epoch); //! CMP005
                    using var scope = torch.NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.l1_loss(model.call(batch["data"]), batch["target"]);
                    loss.backward();
                    optimizer.step();
                    return (double)loss.item<float>();
                })
                .Average();

            Console.WriteLine($"epoch {epoch}: MAE {meanLoss:F4}");
        }
    }
}
