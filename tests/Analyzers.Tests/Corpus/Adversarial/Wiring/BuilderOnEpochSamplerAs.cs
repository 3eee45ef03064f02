// Scenario: a fluent TrainerBuilder registers an OnEpoch hook that sets `(train.Sampler as IEpochAware)?.SetEpoch(e)` for a loader drawing from a BatchSampler over a DistributedSampler (Sampler is then a SequentialSampler: the `as` gives null and every epoch replays epoch 0) — wrong, CMP001 on the hook's setter
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wiring21.BuilderOnEpochSamplerAs;

public sealed class LoopTrainer
{
    private readonly EpochDataLoader _loader;
    private readonly IReadOnlyList<Action<int>> _epochHooks;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    internal LoopTrainer(EpochDataLoader loader, IReadOnlyList<Action<int>> epochHooks, nn.Module<Tensor, Tensor> model, double lr)
    {
        _loader = loader;
        _epochHooks = epochHooks;
        _model = model;
        _optimizer = optim.Adam(model.parameters(), lr: lr);
    }

    public void Run(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var hook in _epochHooks) hook(epoch);
            foreach (var batch in _loader)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
            }
        }
    }
}

public sealed class TrainerBuilder
{
    private EpochDataLoader? _loader;
    private nn.Module<Tensor, Tensor>? _model;
    private double _lr = 1e-3;
    private readonly List<Action<int>> _hooks = new();

    public TrainerBuilder WithTrainLoader(EpochDataLoader loader) { _loader = loader; return this; }
    public TrainerBuilder WithModel(nn.Module<Tensor, Tensor> model) { _model = model; return this; }
    public TrainerBuilder WithLearningRate(double lr) { _lr = lr; return this; }
    public TrainerBuilder OnEpoch(Action<int> hook) { _hooks.Add(hook); return this; }

    public LoopTrainer Build() =>
        new LoopTrainer(_loader ?? throw new InvalidOperationException("no train loader"), _hooks.ToArray(),
            _model ?? throw new InvalidOperationException("no model"), _lr);
}

public static class Program
{
    public static void Main(string[] args)
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = torch.randn(6000, 20),
            ["label"] = torch.randint(0, 3, 6000, dtype: ScalarType.Int64),
        });
        using var train = new EpochDataLoader(data,
            batchSampler: new BatchSampler(new DistributedSampler(data.Count, seed: 5), 64));

        var trainer = new TrainerBuilder()
            .WithTrainLoader(train)
            .WithModel(nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 3)))
            .WithLearningRate(5e-4)
            .OnEpoch(e => (train.Sampler as IEpochAware)?.SetEpoch(e)) //! CMP001
            .OnEpoch(e => Console.WriteLine($"epoch {e}"))
            .Build();
        trainer.Run(epochs: args.Length > 0 ? int.Parse(args[0]) : 8);
    }
}
