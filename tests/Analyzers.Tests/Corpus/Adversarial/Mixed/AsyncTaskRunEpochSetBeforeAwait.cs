// Scenario: an async trainer runs each epoch's batch loop in Task.Run and raises an EpochCompleted event; the shuffling train loader's epoch is set before the awaited lambda on every pass, evaluation uses a non-shuffling DistributedSampler, and metrics are computed in parallel tasks — correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Async;

public sealed class EpochEventArgs(int epoch, double loss, double accuracy) : EventArgs
{
    public int Epoch { get; } = epoch;
    public double Loss { get; } = loss;
    public double Accuracy { get; } = accuracy;
}

public interface IMetric
{
    string Name { get; }
    double Compute(IReadOnlyList<(long Predicted, long Target)> pairs);
}

public sealed class Accuracy : IMetric
{
    public string Name => "accuracy";
    public double Compute(IReadOnlyList<(long Predicted, long Target)> pairs) =>
        pairs.Count == 0 ? 0 : pairs.Count(p => p.Predicted == p.Target) / (double)pairs.Count;
}

public sealed class MacroRecall(int classes) : IMetric
{
    public string Name => "macro_recall";
    public double Compute(IReadOnlyList<(long Predicted, long Target)> pairs)
    {
        double total = 0;
        for (int c = 0; c < classes; c++)
        {
            var ofClass = pairs.Where(p => p.Target == c).ToList();
            total += ofClass.Count == 0 ? 0 : ofClass.Count(p => p.Predicted == c) / (double)ofClass.Count;
        }
        return total / classes;
    }
}

public sealed class AsyncTrainer
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _eval;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly IMetric[] _metrics;

    public event EventHandler<EpochEventArgs>? EpochCompleted;

    public AsyncTrainer(InMemoryDataset train, InMemoryDataset eval, int classes, int seed)
    {
        _train = new EpochDataLoader(train, batchSize: 64, shuffle: true, seed: seed);
        _eval = new EpochDataLoader(eval, batchSize: 256, sampler: new DistributedSampler(eval.Count, numReplicas: 1, rank: 0, shuffle: false));
        _model = nn.Sequential(("fc", nn.Linear(20, 64)), ("act", nn.ReLU()), ("head", nn.Linear(64, classes)));
        _optimizer = optim.Adam(_model.parameters(), 2e-3);
        _metrics = new IMetric[] { new Accuracy(), new MacroRecall(classes) };
    }

    public async Task<double> FitAsync(int epochs, CancellationToken ct)
    {
        double last = double.NaN;
        for (int epoch = 0; epoch < epochs && !ct.IsCancellationRequested; epoch++)
        {
            _train.SetEpoch(epoch);
            var loss = await Task.Run(() =>
            {
                double sum = 0;
                int steps = 0;
                foreach (var batch in _train)
                {
                    _optimizer.zero_grad();
                    using var l = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                    l.backward();
                    _optimizer.step();
                    sum += l.item<float>();
                    steps++;
                }
                return sum / Math.Max(1, steps);
            }, ct);

            var pairs = await PredictAsync(ct);
            var scores = await Task.WhenAll(_metrics.Select(m => Task.Run(() => (m.Name, Value: m.Compute(pairs)), ct)));
            foreach (var (name, value) in scores) Console.WriteLine($"epoch {epoch} {name} {value:F3}");
            EpochCompleted?.Invoke(this, new EpochEventArgs(epoch, loss, scores[0].Value));
            last = loss;
        }
        return last;
    }

    private Task<List<(long Predicted, long Target)>> PredictAsync(CancellationToken ct) => Task.Run(() =>
    {
        var pairs = new List<(long, long)>();
        using var _ = torch.no_grad();
        foreach (var batch in _eval)
        {
            var predicted = _model.forward(batch["data"]).argmax(1).data<long>().ToArray();
            var target = batch["label"].data<long>().ToArray();
            for (int i = 0; i < predicted.Length; i++) pairs.Add((predicted[i], target[i]));
        }
        return pairs;
    }, ct);
}

public static class Program
{
    public static async Task Main()
    {
        InMemoryDataset Make(long n) => new(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(n, 20),
            ["label"] = torch.randint(0, 3, new long[] { n }),
        });

        var trainer = new AsyncTrainer(Make(3000), Make(600), classes: 3, seed: 21);
        var history = new List<EpochEventArgs>();
        trainer.EpochCompleted += (_, e) => history.Add(e);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var final = await trainer.FitAsync(epochs: 5, cts.Token);
        Console.WriteLine($"final loss {final:F4}, best accuracy {history.Max(h => h.Accuracy):P1}");
    }
}
