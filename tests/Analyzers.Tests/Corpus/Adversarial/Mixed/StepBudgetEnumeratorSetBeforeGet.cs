// Scenario: training for a step budget; each pass of the outer while sets the loader's epoch and then takes a fresh enumerator, the inner while over MoveNext stops when the budget runs out, and a ring buffer and an EMA track recent losses — correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Steps;

public sealed class RingBuffer(int capacity)
{
    private readonly double[] _items = new double[capacity];
    private int _next;
    public int Count { get; private set; }

    public void Push(double value)
    {
        _items[_next] = value;
        _next = (_next + 1) % _items.Length;
        Count = Math.Min(Count + 1, _items.Length);
    }

    public double Percentile(double p)
    {
        if (Count == 0) return double.NaN;
        var sorted = _items.Take(Count).OrderBy(v => v).ToArray();
        return sorted[Math.Clamp((int)(p * (sorted.Length - 1)), 0, sorted.Length - 1)];
    }
}

public sealed class Ema(double decay)
{
    private bool _started;
    public double Value { get; private set; }
    public void Update(double x)
    {
        Value = _started ? decay * Value + (1 - decay) * x : x;
        _started = true;
    }
}

public sealed class StepBudgetTrainer
{
    private readonly EpochDataLoader _loader;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public StepBudgetTrainer(long rows, int seed)
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(rows, 6),
            ["target"] = torch.randn(rows, 1),
        });
        _loader = new EpochDataLoader(data, batchSize: 50, shuffle: true, seed: seed, dropLast: true);
        _model = nn.Sequential(("fc1", nn.Linear(6, 16)), ("act", nn.Tanh()), ("fc2", nn.Linear(16, 1)));
        _optimizer = optim.Adam(_model.parameters(), 1e-3);
    }

    public double GradNorm()
    {
        double total = 0;
        foreach (var p in _model.parameters())
            if (p.grad is { } g) total += g.square().sum().item<float>();
        return Math.Sqrt(total);
    }

    public void Train(long maxSteps, int logEvery = 100)
    {
        var recent = new RingBuffer(200);
        var ema = new Ema(0.98);
        long step = 0;
        int epoch = 0;
        while (step < maxSteps)
        {
            _loader.SetEpoch(epoch);
            using (var it = _loader.GetEnumerator())
            {
                while (it.MoveNext())
                {
                    if (step >= maxSteps) break;
                    var batch = it.Current;
                    _optimizer.zero_grad();
                    using var loss = nn.functional.mse_loss(_model.forward(batch["data"]), batch["target"]);
                    loss.backward();
                    var norm = GradNorm();
                    _optimizer.step();
                    var value = loss.item<float>();
                    recent.Push(value);
                    ema.Update(value);
                    if (++step % logEvery == 0)
                        Console.WriteLine($"step {step} (epoch {epoch}): ema {ema.Value:F4}, p90 {recent.Percentile(0.9):F4}, |g| {norm:F3}");
                }
            }
            epoch++;
        }

        var thresholds = new[] { 0.5, 0.9, 0.99 };
        for (int i = 0; i < thresholds.Length; i++)
            Console.WriteLine($"p{thresholds[i] * 100:F0} of the last {recent.Count} losses: {recent.Percentile(thresholds[i]):F4}");
    }
}
