// Scenario: a training service runs every epoch through a small retry policy; the retried lambda first sets the loader's epoch from the loop's epoch and then iterates the loader, so a retried epoch replays the same order — correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Radiology.Triage;

public sealed class RetryPolicy
{
    private readonly int _maxAttempts;
    private readonly TimeSpan _backoff;
    private readonly Action<string> _log;

    public RetryPolicy(int maxAttempts, TimeSpan backoff, Action<string> log)
    {
        _maxAttempts = maxAttempts;
        _backoff = backoff;
        _log = log;
    }

    public T Execute<T>(Func<T> action)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return action();
            }
            catch (Exception ex) when (attempt < _maxAttempts && ex is IOException or LoaderWorkerException)
            {
                _log($"attempt {attempt} failed ({ex.Message}); retrying in {_backoff.TotalSeconds}s");
                Thread.Sleep(_backoff);
            }
        }
    }
}

public sealed class TriageNet : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _cnn = nn.Sequential(
        nn.Conv2d(1, 8, 5, stride: 2), nn.ReLU(),
        nn.Conv2d(8, 16, 5, stride: 2), nn.ReLU(),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        nn.Linear(16, 3));

    public TriageNet() : base(nameof(TriageNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) => _cnn.forward(x);
}

public sealed class TriageTrainingService
{
    private readonly RetryPolicy _retry;
    private readonly Action<string> _log;

    public TriageTrainingService(Action<string> log)
    {
        _log = log;
        _retry = new RetryPolicy(maxAttempts: 4, backoff: TimeSpan.FromSeconds(30), log);
    }

    public TriageNet Train(InMemoryDataset scans, int epochs, CancellationToken ct)
    {
        using var train = new EpochDataLoader(scans, batchSize: 16, shuffle: true, seed: 5, workers: 4);
        var model = new TriageNet();
        var optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var loss = _retry.Execute(() =>
            {
                // a retried attempt restarts this epoch with the same order
                train.SetEpoch(epoch);
                double sum = 0;
                int n = 0;
                foreach (var batch in train)
                {
                    ct.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    var l = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    optimizer.zero_grad();
                    l.backward();
                    optimizer.step();
                    sum += l.item<float>();
                    n++;
                }
                return sum / Math.Max(n, 1);
            });
            _log($"epoch {epoch}: loss {loss:F4}");
        }

        return model;
    }
}
