// Scenario: a trainer split into two `partial` parts in one file: the first declares the shuffled and P×K loaders and the loop, the second's constructor registers `e => Epochs.SetEpoch(_train, e)` and a listener built by a primary constructor around `_pk` — correct, no finding (every part of the type is in this file)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam18.PartialTrainerSameFileWiring;

public interface IEpochListener
{
    void OnEpoch(int epoch);
}

public sealed class LoaderListener(EpochDataLoader loader) : IEpochListener
{
    public void OnEpoch(int epoch) => loader.SetEpoch(epoch);
}

public sealed partial class RetrievalTrainer
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _pk;
    private readonly nn.Module<Tensor, Tensor> _embed = nn.Sequential(nn.Linear(768, 256), nn.ReLU(), nn.Linear(256, 128));

    public void Fit(int epochs)
    {
        using var optimizer = optim.Adam(_embed.parameters(), lr: 1e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var hook in _hooks) hook(epoch);
            foreach (var listener in _listeners) listener.OnEpoch(epoch);
            foreach (var batch in _train.Concat(_pk))
            {
                using var scope = torch.NewDisposeScope();
                var z = nn.functional.normalize(_embed.forward(batch["data"]), dim: 1);
                var loss = (1 - z.matmul(z.t())).mean();
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}

public sealed partial class RetrievalTrainer
{
    private readonly List<Action<int>> _hooks = new();
    private readonly List<IEpochListener> _listeners = new();

    public RetrievalTrainer(InMemoryDataset queries, IReadOnlyList<long> labels)
    {
        _train = new EpochDataLoader(queries, batchSize: 128, shuffle: true, seed: 6);
        _pk = new EpochDataLoader(queries,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 6));
        _hooks.Add(e => Epochs.SetEpoch(_train, e));
        _listeners.Add(new LoaderListener(_pk));
    }
}
