// Scenario: Fit subscribes the shuffled train loader's SetEpoch to a shared event bus before its epoch loop and takes the same method group off again in a finally block — correct, no finding
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.FitSubscribesTryFinally;

public sealed class TrainingEvents
{
    public event Action<int>? EpochStarting;
    public event Action<int, double>? EpochEnded;

    public void BeginEpoch(int epoch) => EpochStarting?.Invoke(epoch);
    public void EndEpoch(int epoch, double loss) => EpochEnded?.Invoke(epoch, loss);
}

public sealed class TabularRegressor(nn.Module<Tensor, Tensor> model, TrainingEvents events)
{
    public void Fit(InMemoryDataset rows, int epochs, int seed)
    {
        using var train = new EpochDataLoader(rows, batchSize: 128, shuffle: true, seed: seed);
        using var optimizer = optim.AdamW(model.parameters(), lr: 3e-4);

        events.EpochStarting += train.SetEpoch;
        try
        {
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                events.BeginEpoch(epoch);
                model.train();
                double sum = 0;
                long n = 0;
                foreach (var batch in train)
                {
                    using var scope = torch.NewDisposeScope();
                    var prediction = model.forward(batch["data"]).squeeze(-1);
                    var loss = nn.functional.mse_loss(prediction, batch["label"].to_type(ScalarType.Float32));
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    sum += loss.item<float>();
                    n++;
                }
                events.EndEpoch(epoch, n == 0 ? double.NaN : sum / n);
            }
        }
        finally
        {
            // The bus outlives this run: leave no handler pointing at a disposed loader.
            events.EpochStarting -= train.SetEpoch;
        }
    }
}

public static class Program
{
    public static void Main()
    {
        var rows = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(2000, 12),
            ["label"] = torch.randn(2000),
        });
        var events = new TrainingEvents();
        events.EpochEnded += (epoch, loss) => Console.WriteLine($"epoch {epoch}: mse {loss:F4}");
        new TabularRegressor(nn.Sequential(nn.Linear(12, 32), nn.ReLU(), nn.Linear(32, 1)), events).Fit(rows, epochs: 6, seed: 7);
    }
}
