// Scenario: a training service wraps each epoch in a retry-on-transient-failure helper and sets the loader's epoch on the first batch, inside the foreach over that loader — wrong, CMP005 (the order of the running epoch is already fixed).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Telemetry.AnomalyService;

public static class Retry
{
    // Re-runs an epoch that failed on a transient I/O error (the feature store is on a network share).
    public static T Run<T>(Func<T> body, int attempts, Action<Exception, int> onRetry)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return body();
            }
            catch (IOException ex) when (attempt < attempts)
            {
                onRetry(ex, attempt);
                Thread.Sleep(TimeSpan.FromSeconds(attempt * 2));
            }
        }
    }
}

public sealed class SensorAutoencoder : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _encoder = nn.Sequential(nn.Linear(64, 16), nn.Tanh());
    private readonly Sequential _decoder = nn.Sequential(nn.Linear(16, 64));

    public SensorAutoencoder() : base(nameof(SensorAutoencoder)) => RegisterComponents();

    public override Tensor forward(Tensor x) => _decoder.forward(_encoder.forward(x));
}

public sealed class AnomalyModelTrainer(InMemoryDataset windows, TextWriter log)
{
    public SensorAutoencoder Train(int epochs, CancellationToken ct)
    {
        var train = new EpochDataLoader(windows, batchSize: 512, shuffle: true, seed: 2024, dropLast: true);
        var model = new SensorAutoencoder();
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double meanLoss = Retry.Run(() =>
            {
                double sum = 0;
                int step = 0;
                foreach (var batch in train)
                {
                    if (step == 0) train.SetEpoch(epoch); //! CMP005
                    ct.ThrowIfCancellationRequested();

                    using var scope = NewDisposeScope();
                    var x = batch["data"];
                    var loss = nn.functional.mse_loss(model.forward(x), x);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    sum += loss.item<float>();
                    step++;
                }
                return sum / Math.Max(step, 1);
            }, attempts: 3, onRetry: (ex, attempt) => log.WriteLine($"epoch {epoch} attempt {attempt} failed: {ex.Message}"));

            log.WriteLine($"epoch {epoch}: reconstruction loss {meanLoss:F5}");
        }

        return model;
    }
}
