// Scenario: a data-parallel worker with timers and gradient accumulation walks its loader with a stored enumerator; it sets the epoch of the DistributedSampler inside the loader's BatchSampler at the first step of the `while (it.MoveNext())` loop, after the epoch's order was fixed: CMP005.
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Ddp;

public sealed class Timers
{
    private readonly Dictionary<string, Stopwatch> _watches = new();

    public IDisposable Time(string name)
    {
        if (!_watches.TryGetValue(name, out var w)) _watches[name] = w = new Stopwatch();
        w.Start();
        return new Stop(w);
    }

    public string Report() => string.Join(", ", _watches.OrderByDescending(kv => kv.Value.Elapsed).Select(kv => $"{kv.Key} {kv.Value.Elapsed.TotalMilliseconds:F0} ms"));

    private sealed class Stop(Stopwatch watch) : IDisposable
    {
        public void Dispose() => watch.Stop();
    }
}

public sealed record WorkerOptions(int Rank, int WorldSize, int Epochs, int AccumulationSteps = 2, int Seed = 3);

public sealed class Worker(WorkerOptions options)
{
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(("fc1", nn.Linear(16, 64)), ("act", nn.GELU()), ("fc2", nn.Linear(64, 8)));
    private readonly Timers _timers = new();

    private static void AverageGradients(IEnumerable<TorchSharp.Modules.Parameter> parameters, int worldSize)
    {
        foreach (var p in parameters)
            if (p.grad is { } g) g.div_(worldSize);
    }

    public void Train(InMemoryDataset data)
    {
        var shard = new DistributedSampler(data.Count, numReplicas: options.WorldSize, rank: options.Rank, seed: options.Seed);
        var loader = new EpochDataLoader(data, batchSampler: new BatchSampler(shard, 64, dropLast: true));
        var optimizer = optim.AdamW(_model.parameters(), 1e-3);

        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            using var it = loader.GetEnumerator();
            long step = 0;
            double sum = 0;
            while (it.MoveNext())
            {
                if (step == 0) shard.SetEpoch(epoch); //! CMP005
                var batch = it.Current;
                using (_timers.Time("forward"))
                {
                    using var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]) / options.AccumulationSteps;
                    loss.backward();
                    sum += loss.item<float>() * options.AccumulationSteps;
                }
                if (++step % options.AccumulationSteps == 0)
                {
                    using (_timers.Time("sync")) AverageGradients(_model.parameters(), options.WorldSize);
                    using (_timers.Time("step")) optimizer.step();
                    optimizer.zero_grad();
                }
            }
            Console.WriteLine($"rank {options.Rank} epoch {epoch}: {step} steps, loss {sum / Math.Max(1, step):F4}");
        }
        Console.WriteLine(_timers.Report());
    }

    public static void Main(string[] args)
    {
        int rank = args.Length > 0 ? int.Parse(args[0]) : 0;
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(4096, 16),
            ["label"] = torch.randint(0, 8, new long[] { 4096 }),
        });
        new Worker(new WorkerOptions(rank, WorldSize: 2, Epochs: 3)).Train(data);
    }
}
