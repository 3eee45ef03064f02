// Scenario: a model, a data module, a trainer and metric helpers in one file; the epoch loop sets the train loader's epoch and its own LR scheduler's, the evaluation loader does not shuffle, and every other loop runs over parameters, metrics or numbers — correct.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Acme.Vision;

public sealed class SmallMlp : nn.Module<Tensor, Tensor>
{
    private readonly Linear _fc1;
    private readonly Linear _fc2;
    private readonly Dropout _drop;

    public SmallMlp(int inputs, int hidden, int classes) : base(nameof(SmallMlp))
    {
        _fc1 = nn.Linear(inputs, hidden);
        _fc2 = nn.Linear(hidden, classes);
        _drop = nn.Dropout(0.1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => _fc2.forward(_drop.forward(nn.functional.relu(_fc1.forward(x))));

    public long ParameterCount()
    {
        long total = 0;
        foreach (var p in parameters()) total += p.numel();
        return total;
    }
}

public sealed class DataModule
{
    public DataModule(int samples, int features, int classes, int seed)
    {
        TrainLoader = new EpochDataLoader(Synthetic(samples, features, classes), batchSize: 32, shuffle: true, seed: seed);
        EvalLoader = new EpochDataLoader(Synthetic(samples / 4, features, classes), batchSize: 128);
    }

    public EpochDataLoader TrainLoader { get; }
    public EpochDataLoader EvalLoader { get; }

    private static InMemoryDataset Synthetic(long n, int features, int classes) => new(new Dictionary<string, Tensor>
    {
        ["data"] = torch.randn(n, features),
        ["label"] = torch.randint(0, classes, new long[] { n }),
    });
}

/// <summary>The team's own step LR schedule: not a sampler, but it has SetEpoch(int) like one.</summary>
public sealed class StepLr(optim.Optimizer optimizer, double baseLr, int stepEvery, double gamma)
{
    public double Current { get; private set; } = baseLr;

    public void SetEpoch(int epoch)
    {
        Current = baseLr * Math.Pow(gamma, epoch / stepEvery);
        foreach (var group in optimizer.ParamGroups) group.LearningRate = Current;
    }
}

public static class MetricMath
{
    public static double Mean(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        double sum = 0;
        for (int i = 0; i < values.Count; i++) sum += values[i];
        return sum / values.Count;
    }

    public static double GlobalGradNorm(IEnumerable<Parameter> parameters)
    {
        double sq = 0;
        foreach (var p in parameters)
        {
            if (p.grad is null) continue;
            sq += p.grad.pow(2).sum().item<float>();
        }
        return Math.Sqrt(sq);
    }
}

public sealed class Trainer
{
    private readonly SmallMlp _model;
    private readonly DataModule _data;
    private readonly optim.Optimizer _optimizer;
    private readonly StepLr _lr;
    private readonly List<double> _gradNorms = new();

    public Trainer(SmallMlp model, DataModule data, double lr)
    {
        _model = model;
        _data = data;
        _optimizer = optim.SGD(model.parameters(), lr, momentum: 0.9);
        _lr = new StepLr(_optimizer, lr, stepEvery: 3, gamma: 0.5);
    }

    public Dictionary<string, double> Fit(int epochs)
    {
        var train = _data.TrainLoader;
        var eval = _data.EvalLoader;
        var history = new Dictionary<string, double>();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);
            _lr.SetEpoch(epoch);
            _model.train();
            var losses = new List<double>();
            foreach (var batch in train)
            {
                _optimizer.zero_grad();
                using var logits = _model.forward(batch["data"]);
                using var loss = nn.functional.cross_entropy(logits, batch["label"]);
                loss.backward();
                _gradNorms.Add(MetricMath.GlobalGradNorm(_model.parameters()));
                _optimizer.step();
                losses.Add(loss.item<float>());
            }

            _model.eval();
            long correct = 0, seen = 0;
            using (torch.no_grad())
            {
                foreach (var batch in eval)
                {
                    using var predicted = _model.forward(batch["data"]).argmax(1);
                    correct += predicted.eq(batch["label"]).sum().item<long>();
                    seen += batch["label"].shape[0];
                }
            }

            var metrics = new Dictionary<string, double>
            {
                ["loss"] = MetricMath.Mean(losses),
                ["accuracy"] = seen == 0 ? 0 : (double)correct / seen,
                ["lr"] = _lr.Current,
                ["grad_norm"] = MetricMath.Mean(_gradNorms),
            };
            foreach (var (name, value) in metrics)
            {
                history[$"{name}/{epoch}"] = value;
                Console.WriteLine($"epoch {epoch} {name}={value:F4}");
            }
            _gradNorms.Clear();
        }
        return history;
    }
}
