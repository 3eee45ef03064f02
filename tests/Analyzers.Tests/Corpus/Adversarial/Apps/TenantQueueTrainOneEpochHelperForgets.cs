// Scenario: a per-tenant retraining queue trains one model per job, running a shuffling EpochDataLoader through a TrainOneEpoch helper in the same class every epoch without ever setting its epoch — wrong, CMP002 at the helper call's loader argument.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Saas.Personalization;

public sealed record TenantJob(string TenantId, InMemoryDataset Train, InMemoryDataset Holdout, int Epochs, int Seed);

public sealed class ChurnNet : nn.Module<Tensor, Tensor>
{
    private readonly Linear _a;
    private readonly Linear _b;
    private readonly BatchNorm1d _bn;

    public ChurnNet(int features) : base(nameof(ChurnNet))
    {
        _a = nn.Linear(features, 64);
        _bn = nn.BatchNorm1d(64);
        _b = nn.Linear(64, 2);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => _b.forward(nn.functional.relu(_bn.forward(_a.forward(x))));
}

public sealed class TenantRetrainQueue
{
    private readonly Queue<TenantJob> _pending = new();
    private readonly object _gate = new();

    public void Enqueue(TenantJob job)
    {
        lock (_gate) _pending.Enqueue(job);
    }

    public async Task DrainAsync(Action<string, double> published, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TenantJob? job;
            lock (_gate) _pending.TryDequeue(out job);
            if (job is null)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                continue;
            }

            double accuracy = await Task.Run(() => TrainTenant(job, ct), ct);
            published(job.TenantId, accuracy);
        }
    }

    private double TrainTenant(TenantJob job, CancellationToken ct)
    {
        var train = new EpochDataLoader(job.Train, batchSize: 64, shuffle: true, seed: job.Seed);
        var holdout = new EpochDataLoader(job.Holdout, batchSize: 512);
        var model = new ChurnNet((int)job.Train.Columns["data"].shape[1]);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        double best = 0;

        for (int epoch = 0; epoch < job.Epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            double loss = TrainOneEpoch(model, optimizer, train); //! CMP002
            double accuracy = Evaluate(model, holdout);
            best = Math.Max(best, accuracy);
            Console.WriteLine($"{job.TenantId} epoch {epoch}: loss {loss:F4}, holdout accuracy {accuracy:P1}");
        }

        return best;
    }

    private static double TrainOneEpoch(ChurnNet model, optim.Optimizer optimizer, EpochDataLoader loader)
    {
        model.train();
        double sum = 0;
        int steps = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
            steps++;
        }
        return sum / Math.Max(steps, 1);
    }

    private static double Evaluate(ChurnNet model, EpochDataLoader loader)
    {
        model.eval();
        using var _ = no_grad();
        long correct = 0, total = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            total += batch["label"].shape[0];
        }
        return (double)correct / Math.Max(total, 1);
    }
}
