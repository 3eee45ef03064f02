// Scenario: a trainer builds its loader in the constructor with `sampler: new DistributedSampler(...)` and no batch sampler; its OnEpochStart callback sets `_loader is { Sampler: IEpochAware s }`, which reaches the sampler the loader's own BatchSampler wraps (correct, no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind11.CallbackSamplerOnlyNoBatchSampler;

public sealed class ShardedTrainer
{
    private readonly EpochDataLoader _loader;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public ShardedTrainer(InMemoryDataset data, int rank, int worldSize)
    {
        _loader = new EpochDataLoader(data, batchSize: 64,
            sampler: new DistributedSampler(data.Count, numReplicas: worldSize, rank: rank, seed: 2026), dropLast: true);
        _model = nn.Sequential(nn.Linear(28, 56), nn.ReLU(), nn.Linear(56, 2));
        _optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
    }

    public void OnEpochStart(int epoch)
    {
        if (_loader is { Sampler: IEpochAware s }) s.SetEpoch(epoch);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            OnEpochStart(epoch);
            float last = 0;
            foreach (var batch in _loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
                last = loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: last loss {last:F4}");
        }
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(10000, 28),
            ["label"] = randint(0, 2, new long[] { 10000 }),
        });
        new ShardedTrainer(data, rank: 0, worldSize: 1).Fit(6);
    }
}
