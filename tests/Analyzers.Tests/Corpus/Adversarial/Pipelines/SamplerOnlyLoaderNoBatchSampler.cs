// Scenario: a hosted producer reshuffles through loader.Sampler, but the loader was built with sampler: DistributedSampler and a batchSize (no batch sampler), so its own BatchSampler draws from that very sampler — right, nothing to report.
using System.Threading.Channels;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Bellows.Nlp.Ingest;

public abstract class BackgroundJob
{
    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);
    public Task Run(CancellationToken ct) => Task.Factory.StartNew(() => ExecuteAsync(ct), ct,
        TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
}

public sealed class TokenBatchProducer : BackgroundJob
{
    private readonly EpochDataLoader _train;
    private readonly ChannelWriter<Dictionary<string, Tensor>> _out;
    private readonly int _epochs;

    public TokenBatchProducer(InMemoryDataset tokens, ChannelWriter<Dictionary<string, Tensor>> output, int epochs)
    {
        var shard = new DistributedSampler(tokens.Count, Dist.WorldSize, Dist.Rank, seed: 1009);
        _train = new EpochDataLoader(tokens, batchSize: 64, sampler: shard, dropLast: true, disposeBatches: false, workers: 2);
        _out = output;
        _epochs = epochs;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            for (int epoch = 0; epoch < _epochs; epoch++)
            {
                if (_train.Sampler is IEpochAware sampler)
                    sampler.SetEpoch(epoch);

                foreach (var batch in _train)
                {
                    stoppingToken.ThrowIfCancellationRequested();
                    await _out.WriteAsync(batch, stoppingToken);
                }
            }
        }
        finally
        {
            _out.TryComplete();
        }
    }
}
