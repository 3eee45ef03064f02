// Scenario: a hosted-service style worker fine-tunes a ranking model on fresh feedback every tick; it passes a round counter to Epochs.SetEpoch but never advances it, so every round replays the same order; wrong.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut2.Blind.WorkerServiceRoundNeverAdvances;

public sealed record FineTuneOptions(TimeSpan Interval, int BatchSize, int Seed, double LearningRate, string ModelPath);

public interface IFeedbackStore
{
    InMemoryDataset Snapshot();
}

public sealed class FeedbackFineTuneWorker : IDisposable
{
    private readonly FineTuneOptions _options;
    private readonly Action<string> _log;
    private readonly InMemoryDataset _data;
    private readonly EpochDataLoader _loader;
    private readonly nn.Module<Tensor, Tensor> _ranker;
    private int _completedRounds;

    public FeedbackFineTuneWorker(IFeedbackStore store, FineTuneOptions options, Action<string> log)
    {
        _options = options;
        _log = log;
        _data = store.Snapshot();
        _loader = new EpochDataLoader(_data, options.BatchSize, sampler: new RandomSampler(_data.Count, seed: options.Seed));
        _ranker = nn.Sequential(nn.Linear(48, 96), nn.SiLU(), nn.Linear(96, 1));
        if (File.Exists(options.ModelPath)) _ranker.load(options.ModelPath);
    }

    public int CompletedRounds => _completedRounds;

    public async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var optimizer = optim.AdamW(_ranker.parameters(), _options.LearningRate);
        using var timer = new PeriodicTimer(_options.Interval);
        int round = 0;
        _log($"fine-tune worker started, {_loader.Count} batches per round");

        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Epochs.SetEpoch(_loader, round); //! CMP004
            var started = DateTime.UtcNow;
            double total = 0;
            int batches = 0;
            _ranker.train();
            foreach (var batch in _loader)
            {
                if (stoppingToken.IsCancellationRequested) break;
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var score = _ranker.call(batch["features"]).squeeze(1);
                var loss = nn.functional.binary_cross_entropy_with_logits(score, batch["clicked"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                batches++;
            }

            Interlocked.Increment(ref _completedRounds);
            _ranker.save(_options.ModelPath);
            _log($"round {round}: {batches} batches, loss {total / Math.Max(1, batches):F4}, {(DateTime.UtcNow - started).TotalSeconds:F1}s");
            await Task.Yield();
        }
    }

    public void Dispose()
    {
        _loader.Dispose();
        _data.Dispose();
        _ranker.Dispose();
    }
}
