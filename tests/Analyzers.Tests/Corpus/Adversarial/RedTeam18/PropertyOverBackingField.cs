// Scenario: a record struct session exposes `Train => _train` over a backing field whose constructor wires `_train.SetEpoch` to the session's hook list; the loop runs the hooks and iterates the property — correct, no finding (the property's only value is the field, not a creation, so by the page its creation is not in view; at run time it is the wired loader)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam18.PropertyOverBackingField;

public record struct TrainingSession
{
    private readonly EpochDataLoader _train;
    private readonly List<Action<int>> _hooks;

    public TrainingSession(InMemoryDataset data, int seed)
    {
        _hooks = new List<Action<int>>();
        _train = new EpochDataLoader(data, batchSize: 32, sampler: new RandomSampler(data.Count, seed: seed));
        _hooks.Add(_train.SetEpoch);
    }

    public EpochDataLoader Train => _train;

    public void BeginEpoch(int epoch)
    {
        foreach (var hook in _hooks) hook(epoch);
    }

    public void Run(nn.Module<Tensor, Tensor> model, int epochs)
    {
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            BeginEpoch(epoch);
            foreach (var batch in Train)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
