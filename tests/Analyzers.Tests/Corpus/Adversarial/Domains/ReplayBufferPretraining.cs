// Scenario: model-based RL warm-up: a dynamics model is pre-trained supervised on transitions from a growing replay buffer; after each collection round the user snapshots the buffer and builds a fresh shuffling EpochDataLoader seeded baseSeed + round, reads it once, and disposes it in finally (right, no diagnostic: the loader is rebuilt on every pass with a changing seed).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Domains.ReplayBufferPretraining;

public sealed record DynamicsTransition(float[] State, float[] Action, float[] NextState, float Reward);

public sealed class DynamicsReplayBuffer
{
    private readonly DynamicsTransition[] _items;
    private int _next, _size;

    public DynamicsReplayBuffer(int capacity) => _items = new DynamicsTransition[capacity];

    public int Size => _size;

    public void Add(DynamicsTransition t)
    {
        _items[_next] = t;
        _next = (_next + 1) % _items.Length;
        _size = Math.Min(_size + 1, _items.Length);
    }

    public InMemoryDataset Snapshot()
    {
        var live = _items.Take(_size).ToArray();
        Tensor Stack(Func<DynamicsTransition, float[]> pick) => torch.stack(live.Select(t => torch.tensor(pick(t))).ToArray());
        return new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["state"] = Stack(t => t.State),
            ["action"] = Stack(t => t.Action),
            ["delta"] = Stack(t => t.NextState.Zip(t.State, (n, s) => n - s).ToArray()),
            ["reward"] = torch.tensor(live.Select(t => t.Reward).ToArray()),
        });
    }
}

public sealed class DynamicsPretrainer
{
    private readonly int _baseSeed;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly int _stateDim;

    public DynamicsPretrainer(int stateDim, int actionDim, int baseSeed)
    {
        _baseSeed = baseSeed;
        _stateDim = stateDim;
        _model = nn.Sequential(nn.Linear(stateDim + actionDim, 200), nn.SiLU(), nn.Linear(200, 200), nn.SiLU(), nn.Linear(200, stateDim + 1));
        _optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
    }

    public void Run(DynamicsReplayBuffer buffer, Func<int, IEnumerable<DynamicsTransition>> collect, int rounds)
    {
        int round = 0;
        while (round < rounds)
        {
            foreach (var transition in collect(round)) buffer.Add(transition);
            if (buffer.Size < 1_000) { round++; continue; }

            var snapshot = buffer.Snapshot();
            var loader = new EpochDataLoader(snapshot, batchSize: 256, shuffle: true, seed: _baseSeed + round, disposeDataset: true);
            try
            {
                double total = 0;
                int steps = 0;
                foreach (var batch in loader)
                {
                    using var scope = torch.NewDisposeScope();
                    var prediction = _model.call(torch.cat(new[] { batch["state"], batch["action"] }, 1));
                    var target = torch.cat(new[] { batch["delta"], batch["reward"].unsqueeze(1) }, 1);
                    var loss = nn.functional.mse_loss(prediction, target);
                    _optimizer.zero_grad();
                    loss.backward();
                    _optimizer.step();
                    total += loss.item<float>();
                    steps++;
                }
                Console.WriteLine($"round {round}: {buffer.Size} transitions, dynamics MSE {total / steps:F5}");
            }
            finally
            {
                loader.Dispose();
            }
            round++;
        }
    }
}
