// Scenario: a trainer whose type also has a static constructor, a finalizer, operators, an indexer, custom event accessors, a generic method and an expression-bodied constructor chained with `this(...)`; the shuffled loader is wired in the main constructor and the loop raises the event — correct, no finding, and no analyzer exception on the odd members
using System.Runtime.InteropServices;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam18.OddMembersBesideWiredLoader;

public sealed class OddTrainer
{
    private static readonly int DefaultSeed;
    private readonly List<Action<int>> _handlers = new();
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(10, 10), nn.ReLU(), nn.Linear(10, 2));

    static OddTrainer() => DefaultSeed = Environment.ProcessorCount > 64 ? 1 : 0;

    public OddTrainer(InMemoryDataset data) : this(data, DefaultSeed) => Console.WriteLine("default seed");

    public OddTrainer(InMemoryDataset data, int seed)
    {
        _train = new EpochDataLoader(data, batchSize: 20, shuffle: true, seed: seed);
        EpochStarting += _train.SetEpoch;
    }

    ~OddTrainer() => _handlers.Clear();

    public event Action<int> EpochStarting
    {
        add => _handlers.Add(value);
        remove => _handlers.Remove(value);
    }

    public Action<int> this[int index] => _handlers[index];

    public static OddTrainer operator +(OddTrainer trainer, Action<int> hook)
    {
        trainer._handlers.Add(hook);
        return trainer;
    }

    public static explicit operator EpochDataLoader(OddTrainer trainer) => trainer._train;

    public T Pick<T>(Func<EpochDataLoader, T> pick) => pick(_train);

    [DllImport("libc", EntryPoint = "getpid")]
    private static extern int GetPid();

    public void Fit(int epochs)
    {
        using var optimizer = optim.SGD(_model.parameters(), learningRate: 0.1);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            for (int i = 0; i < _handlers.Count; i++) this[i](epoch);
            foreach (var batch in _train)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
        Console.WriteLine($"pid {GetPid()}: {Pick(l => l.Count)} batches");
    }
}
