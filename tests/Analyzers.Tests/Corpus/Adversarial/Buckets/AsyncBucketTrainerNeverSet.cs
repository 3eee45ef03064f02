// Scenario: an async trainer class whose constructor builds the train loader from an epoch-aware bucket-by-length batch sampler and the validation loader in order; FitAsync never sets the train loader's epoch — wrong: every epoch replays epoch 0's buckets (CMP002). The validation loader is fine.
using Composer.Data;
using static TorchSharp.torch;

namespace Asr.Training;

/// <summary>Buckets utterances by duration (torchaudio/ESPnet style), shuffling inside and across buckets per epoch.</summary>
public sealed class BucketByLengthBatchSampler : IBatchSampler, IEpochAware
{
    private readonly long[][] _buckets;
    private readonly int _batchSize, _seed;
    private int _epoch;

    public BucketByLengthBatchSampler(IReadOnlyList<float> seconds, float[] edges, int batchSize, int seed)
    {
        _buckets = Enumerable.Range(0, seconds.Count)
            .GroupBy(i => Array.FindIndex(edges, e => seconds[i] <= e) is var b && b >= 0 ? b : edges.Length)
            .OrderBy(g => g.Key)
            .Select(g => g.Select(i => (long)i).ToArray())
            .ToArray();
        (_batchSize, _seed) = (batchSize, seed);
    }

    public long Count => _buckets.Sum(b => (b.Length + _batchSize - 1) / _batchSize);

    public void SetEpoch(int epoch) => _epoch = epoch;

    public IEnumerator<long[]> GetEnumerator()
    {
        var rng = new Random(_seed ^ (_epoch * 16777619));
        var batches = new List<long[]>();
        foreach (var bucket in _buckets)
        {
            var shuffled = bucket.ToArray();
            rng.Shuffle(shuffled);
            batches.AddRange(shuffled.Chunk(_batchSize));
        }
        var order = batches.ToArray();
        rng.Shuffle(order);
        return ((IEnumerable<long[]>)order).GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class CtcTrainer : IAsyncDisposable
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _valid;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public CtcTrainer(nn.Module<Tensor, Tensor> model, InMemoryDataset train, float[] durations, InMemoryDataset valid)
    {
        _model = model;
        _optimizer = optim.AdamW(model.parameters(), lr: 1e-3);
        _train = new EpochDataLoader(train,
            batchSampler: new BucketByLengthBatchSampler(durations, new[] { 2f, 4f, 8f, 16f }, batchSize: 24, seed: 2024),
            workers: 2);
        _valid = new EpochDataLoader(valid, batchSize: 48);
    }

    public async Task FitAsync(int epochs, string checkpointDir, CancellationToken ct)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _model.train();
            try
            {
                foreach (var batch in _train) //! CMP002
                {
                    ct.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    _optimizer.zero_grad();
                    var logProbs = _model.call(batch["features"]).log_softmax(-1);
                    var loss = logProbs.mean().neg();
                    loss.backward();
                    _optimizer.step();
                }
            }
            finally
            {
                await File.WriteAllTextAsync(Path.Combine(checkpointDir, "last_epoch.txt"), epoch.ToString(), CancellationToken.None);
            }

            _model.eval();
            double validLoss = 0;
            using (no_grad())
                foreach (var batch in _valid)
                    validLoss += _model.call(batch["features"]).log_softmax(-1).mean().neg().item<float>();
            Console.WriteLine($"epoch {epoch}: valid {validLoss / _valid.Count:F3}");
            await Task.Yield();
        }
    }

    public ValueTask DisposeAsync()
    {
        _train.Dispose();
        _valid.Dispose();
        return ValueTask.CompletedTask;
    }
}
