// Scenario: a record trainer's constructor calls Initialize(), which wires the detection loader through a local function (`void Wire() => _hub.EpochBegan += _train.SetEpoch`), and subscribes a lambda that, once the hub is ready, adds `e => Epochs.SetEpoch(_aux, e)` to the hook list — correct, no finding for either loader
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam18.CtorLocalFunctionAndInitialize;

public sealed class Hub
{
    public event Action<int>? EpochBegan;
    public event Action? Ready;
    public List<Action<int>> Hooks { get; } = new();

    public void Open() => Ready?.Invoke();

    public void Begin(int epoch)
    {
        EpochBegan?.Invoke(epoch);
        foreach (var hook in Hooks) hook(epoch);
    }
}

public sealed record DetectionTrainer
{
    private readonly Hub _hub;
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _aux;
    private readonly nn.Module<Tensor, Tensor> _model = nn.Sequential(nn.Linear(1024, 256), nn.ReLU(), nn.Linear(256, 85));

    public DetectionTrainer(Hub hub, InMemoryDataset coco, InMemoryDataset pseudo)
    {
        _hub = hub;
        _train = new EpochDataLoader(coco, batchSize: 16, shuffle: true, seed: 4);
        _aux = new EpochDataLoader(pseudo, batchSize: 16, sampler: new RandomSampler(pseudo.Count, seed: 5));
        Initialize();
        _hub.Ready += () => _hub.Hooks.Add(e => Epochs.SetEpoch(_aux, e));
    }

    private void Initialize()
    {
        Wire();

        void Wire() => _hub.EpochBegan += _train.SetEpoch;
    }

    public void Fit(int epochs)
    {
        _hub.Open();
        using var optimizer = optim.SGD(_model.parameters(), learningRate: 0.01, momentum: 0.9);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _hub.Begin(epoch);
            foreach (var (labelled, unlabelled) in _train.Zip(_aux))
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.mse_loss(_model.forward(labelled["data"]), labelled["label"]) +
                           0.5 * _model.forward(unlabelled["data"]).pow(2).mean();
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
