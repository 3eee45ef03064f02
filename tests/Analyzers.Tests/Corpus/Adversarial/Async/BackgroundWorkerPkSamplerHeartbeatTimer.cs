// Scenario: a long-running background worker trains a P×K metric-learning model; a PeriodicTimer task writes heartbeats while the epoch loop sets the field loader's epoch with _train.SetEpoch(epoch) and cleans up in try/finally on shutdown — right, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace FaceId.Worker;

public sealed class MetricLearningWorker : IAsyncDisposable
{
    private readonly InMemoryDataset _faces;
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _encoder;
    private readonly CancellationTokenSource _stop = new();
    private readonly int _epochs;
    private Task? _loop;
    private int _lastEpoch = -1;

    public MetricLearningWorker(Tensor faceCrops, IReadOnlyList<long> identities, int epochs)
    {
        _faces = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = faceCrops, ["label"] = tensor(identities.ToArray()) });
        _train = new EpochDataLoader(_faces,
            batchSampler: new ClassBalancedBatchSampler(identities, classesPerBatch: 32, samplesPerClass: 4, seed: 77));
        _encoder = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(faceCrops.shape[1] * faceCrops.shape[2] * faceCrops.shape[3], 512)),
            ("relu", nn.ReLU()),
            ("fc2", nn.Linear(512, 128)));
        _epochs = epochs;
    }

    public void Start() => _loop = Task.Run(() => ExecuteAsync(_stop.Token));

    private async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var heartbeatTimer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        var heartbeat = Task.Run(async () =>
        {
            try
            {
                while (await heartbeatTimer.WaitForNextTickAsync(stoppingToken))
                    Console.WriteLine($"[heartbeat {DateTime.UtcNow:O}] last finished epoch: {Volatile.Read(ref _lastEpoch)}");
            }
            catch (OperationCanceledException) { }
        });

        using var optimizer = optim.Adam(_encoder.parameters(), 1e-4);
        using var criterion = nn.TripletMarginLoss(margin: 0.3);
        try
        {
            for (int epoch = 0; epoch < _epochs; epoch++)
            {
                _train.SetEpoch(epoch);
                foreach (var batch in _train)
                {
                    stoppingToken.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    var z = nn.functional.normalize(_encoder.forward(batch["data"]), dim: 1);
                    var anchor = z[TensorIndex.Slice(0, null, 4)];
                    var positive = z[TensorIndex.Slice(1, null, 4)];
                    optimizer.zero_grad();
                    var loss = criterion.forward(anchor, positive, anchor.roll(1, 0));
                    loss.backward();
                    optimizer.step();
                }
                Volatile.Write(ref _lastEpoch, epoch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Console.WriteLine("training stopped by host shutdown");
        }
        finally
        {
            heartbeatTimer.Dispose();
            await heartbeat;
            _encoder.save("encoder-last.bin");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_loop is not null) await _loop;
        _stop.Dispose();
        _train.Dispose();
        _faces.Dispose();
    }
}
