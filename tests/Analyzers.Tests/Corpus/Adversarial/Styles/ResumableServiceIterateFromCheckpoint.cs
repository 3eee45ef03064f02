// Scenario: a resumable training service restores (epoch, batch) from an injected checkpoint store, sets the whole loader's epoch at the top of every epoch, then iterates IterateFrom(firstBatch) to finish the interrupted epoch; the P×K batch sampler and the loss scheduler are both told the loop's epoch (right: nothing flagged).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut3.Styles.ResumableServiceIterateFromCheckpoint;

public readonly record struct ResumePoint(int Epoch, long Batch);

public interface IResumeStore
{
    ResumePoint? TryLoad();
    void Save(ResumePoint point);
}

public interface IEventSink { void Publish(string name, object payload); }

public sealed record ResumableOptions(int Epochs = 30, int ClassesPerBatch = 12, int SamplesPerClass = 6, int CheckpointEvery = 200, int Seed = 8);

/// <summary>Anneals the margin with the epoch; told the epoch like a sampler.</summary>
public sealed class MarginSchedule
{
    private int _epoch;
    public void SetEpoch(int epoch) => _epoch = epoch;
    public double Margin => 0.2 + 0.3 * Math.Min(1.0, _epoch / 10.0);
}

public sealed class ResumableMetricTrainer
{
    private readonly IResumeStore _store;
    private readonly IEventSink _events;
    private readonly ResumableOptions _options;
    private readonly EpochDataLoader _train;
    private readonly MarginSchedule _margin = new();
    private readonly nn.Module<Tensor, Tensor> _embedder = nn.Sequential(nn.Linear(128, 256), nn.ReLU(), nn.Linear(256, 64));

    public ResumableMetricTrainer(InMemoryDataset dataset, IReadOnlyList<long> labels, IResumeStore store, IEventSink events, ResumableOptions options)
    {
        _store = store;
        _events = events;
        _options = options;
        var pk = new ClassBalancedBatchSampler(labels, options.ClassesPerBatch, options.SamplesPerClass, seed: options.Seed);
        _train = new EpochDataLoader(dataset, batchSampler: pk, prefetch: true);
    }

    public void Execute(CancellationToken stoppingToken)
    {
        var optimizer = optim.Adam(_embedder.parameters(), lr: 1e-4);
        var resume = _store.TryLoad() ?? new ResumePoint(0, 0);
        _events.Publish("training.resumed", resume);

        for (int epoch = resume.Epoch; epoch < _options.Epochs; epoch++)
        {
            _train.SetEpoch(epoch);
            _margin.SetEpoch(epoch);
            long firstBatch = epoch == resume.Epoch ? resume.Batch : 0;
            long batchIndex = firstBatch;

            foreach (var batch in _train.IterateFrom(firstBatch))
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    _store.Save(new ResumePoint(epoch, batchIndex));
                    return;
                }

                optimizer.zero_grad();
                using var z = nn.functional.normalize(_embedder.forward(batch["x"]), dim: 1);
                using var sim = z.matmul(z.t());
                using var same = batch["y"].unsqueeze(1).eq(batch["y"].unsqueeze(0));
                using var loss = nn.functional.relu(sim.masked_fill(same, -1.0) - sim.masked_fill(same.logical_not(), 2.0).amin(new long[] { 1 }, keepdim: true) + _margin.Margin).mean();
                loss.backward();
                optimizer.step();

                batchIndex++;
                if (batchIndex % _options.CheckpointEvery == 0) _store.Save(new ResumePoint(epoch, batchIndex));
            }

            _store.Save(new ResumePoint(epoch + 1, 0));
            _events.Publish("training.epoch_completed", new { epoch, batches = batchIndex, margin = _margin.Margin });
        }
    }
}

public sealed class JsonFileResumeStore(string path) : IResumeStore
{
    public ResumePoint? TryLoad() => File.Exists(path)
        ? System.Text.Json.JsonSerializer.Deserialize<ResumePoint>(File.ReadAllText(path))
        : null;

    public void Save(ResumePoint point) => File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(point));
}
