// Scenario: a job-queue consumer trains one model per queued job, building a TorchSharp DataLoader with shuffle: true and the job's fixed seed, then running several epochs over it — wrong, CMP003 (every epoch of the job repeats one order).
using System.Threading.Channels;
using TorchSharp;
using TorchSharp.Modules;
using Composer.Data;
using static TorchSharp.torch;

namespace Forecasting.Jobs;

public sealed record TrainingJob(string Id, string DatasetPath, int Epochs, int BatchSize, double LearningRate, int Seed);

public sealed record JobResult(string Id, double FinalLoss, bool Cancelled);

public sealed class DemandRegressor : nn.Module<Tensor, Tensor>
{
    private readonly Linear _in;
    private readonly Linear _out;
    private readonly Dropout _drop = nn.Dropout(0.1);

    public DemandRegressor(int features) : base(nameof(DemandRegressor))
    {
        _in = nn.Linear(features, 48);
        _out = nn.Linear(48, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => _out.forward(_drop.forward(nn.functional.gelu(_in.forward(x))));
}

public sealed class TrainingJobConsumer
{
    private readonly Channel<TrainingJob> _queue = Channel.CreateBounded<TrainingJob>(16);
    private readonly Func<string, InMemoryDataset> _openDataset;

    public TrainingJobConsumer(Func<string, InMemoryDataset> openDataset) => _openDataset = openDataset;

    public ValueTask EnqueueAsync(TrainingJob job, CancellationToken ct) => _queue.Writer.WriteAsync(job, ct);

    public async Task ConsumeAsync(Func<JobResult, Task> onDone, CancellationToken ct)
    {
        await foreach (var job in _queue.Reader.ReadAllAsync(ct))
        {
            var result = await Task.Run(() => RunJob(job, ct), ct);
            await onDone(result);
        }
    }

    private JobResult RunJob(TrainingJob job, CancellationToken ct)
    {
        using var dataset = _openDataset(job.DatasetPath);
        // seeded so that a job can be re-run and give the same model
        using var loader = new DataLoader(dataset, job.BatchSize, shuffle: true, seed: job.Seed); //! CMP003

        var model = new DemandRegressor(features: (int)dataset.Columns["data"].shape[1]);
        var optimizer = optim.SGD(model.parameters(), job.LearningRate, momentum: 0.9);
        double last = double.NaN;

        for (int epoch = 0; epoch < job.Epochs; epoch++)
        {
            if (ct.IsCancellationRequested) return new JobResult(job.Id, last, Cancelled: true);

            double sum = 0;
            int batches = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var prediction = model.forward(batch["data"]).squeeze(-1);
                var loss = nn.functional.mse_loss(prediction, batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                batches++;
            }

            last = sum / Math.Max(batches, 1);
        }

        return new JobResult(job.Id, last, Cancelled: false);
    }
}
