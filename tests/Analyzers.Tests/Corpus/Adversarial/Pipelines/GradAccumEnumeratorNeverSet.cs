// Scenario: a background training service pulls micro-batches from a DistributedSampler-backed loader's enumerator for gradient accumulation, but never sets the epoch, so every epoch on every rank repeats epoch 0's shard order — wrong (CMP002 at GetEnumerator).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Lucerne.Speech.Training;

public abstract class LongRunningService
{
    public async Task RunAsync(CancellationToken ct)
    {
        try { await ExecuteAsync(ct); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);
}

public sealed class AccumulatingTrainer : LongRunningService
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly int _accumSteps;
    private readonly int _epochs;

    public AccumulatingTrainer(InMemoryDataset utterances, nn.Module<Tensor, Tensor> model, int accumSteps, int epochs)
    {
        var shard = new DistributedSampler(utterances.Count, Dist.WorldSize, Dist.Rank, seed: 1);
        _train = new EpochDataLoader(utterances, batchSize: 8, sampler: shard, dropLast: true);
        _model = model;
        _accumSteps = accumSteps;
        _epochs = epochs;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var optimizer = optim.AdamW(_model.parameters(), lr: 1e-4);
        var lossFn = nn.CrossEntropyLoss();

        for (int epoch = 0; epoch < _epochs; epoch++)
        {
            using var it = _train.GetEnumerator(); //! CMP002
            bool more = true;
            long updates = 0;
            while (more && !stoppingToken.IsCancellationRequested)
            {
                optimizer.zero_grad();
                int micro = 0;
                for (; micro < _accumSteps && (more = it.MoveNext()); micro++)
                {
                    using var scope = torch.NewDisposeScope();
                    var batch = it.Current;
                    var loss = lossFn.call(_model.call(batch["features"]), batch["label"]) / _accumSteps;
                    loss.backward();
                }
                if (micro == 0) break;

                foreach (var p in _model.parameters())
                    if (p.grad is not null) Dist.AllReduce(p.grad);
                optimizer.step();
                updates++;
            }

            if (Dist.Rank == 0) Console.WriteLine($"epoch {epoch}: {updates} optimizer steps");
            await Task.Yield();
        }
    }
}
