// Scenario: an assistant's loop sets epoch 0 before training and, after each epoch's batches, prepares the next one with `train_loader.SetEpoch(epoch + 1)`; every epoch is told before it is iterated (right, no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace TimeSeriesForecast;

public sealed class LstmForecaster : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.LSTM lstm;
    private readonly TorchSharp.Modules.Linear head;

    public LstmForecaster(long features, long hidden) : base(nameof(LstmForecaster))
    {
        lstm = nn.LSTM(features, hidden, numLayers: 2, batchFirst: true, dropout: 0.1);
        head = nn.Linear(hidden, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var (output, _, _) = lstm.call(x);
        return head.call(output[.., -1, ..]);   // last time step
    }
}

public static class Program
{
    public static void Main()
    {
        var num_epochs = 30;
        var windows = torch.randn(6_000, 48, 5);   // (samples, time steps, features)
        var next_value = windows[.., -1, 0].unsqueeze(1) * 0.9f;

        using var train_set = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = windows, ["label"] = next_value });
        using var train_loader = new EpochDataLoader(train_set, batchSize: 64, shuffle: true, seed: 99);

        var model = new LstmForecaster(5, 64);
        var optimizer = optim.Adam(model.parameters(), 1e-3);
        var best_loss = double.PositiveInfinity;

        // epoch 0's order
        train_loader.SetEpoch(0);

        for (int epoch = 0; epoch < num_epochs; epoch++)
        {
            model.train();
            double loss_sum = 0;
            int batches = 0;
            foreach (var batch in train_loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.call(batch["data"]), batch["label"]);
                loss.backward();
                nn.utils.clip_grad_norm_(model.parameters(), 1.0);
                optimizer.step();
                loss_sum += loss.item<float>();
                batches++;
            }

            // prepare the shuffling for the next epoch
            train_loader.SetEpoch(epoch + 1);

            var mean = loss_sum / batches;
            if (mean < best_loss)
            {
                best_loss = mean;
                model.save("best_forecaster.dat");
            }
            Console.WriteLine($"Epoch {epoch + 1}/{num_epochs} - mse: {mean:F5} (best {best_loss:F5})");
        }
    }
}
