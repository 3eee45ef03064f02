// Scenario: the helper reaches the loader through a field whose only creation (in view) passes sampler: DistributedSampler and no batch sampler, so setting _train.Sampler from OnEpochStart -> Reshuffle is right — correct, no finding
using Composer.Data;
using Composer.Distributed;
using static TorchSharp.torch;

namespace Blind20.FieldHelperSamplerOnly;

public sealed class ShardedRegressor : IDisposable
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _holdout;
    private readonly nn.Module<Tensor, Tensor> _net = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 1));

    public ShardedRegressor(InMemoryDataset train, InMemoryDataset holdout)
    {
        _train = new EpochDataLoader(train, batchSize: 64,
            sampler: new DistributedSampler(train.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, seed: 3));
        _holdout = new EpochDataLoader(holdout, batchSize: 512);
    }

    public void Fit(int epochs)
    {
        var optimizer = optim.Adam(_net.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            OnEpochStart(epoch);
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(_net.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: holdout mse {Holdout():F4}");
        }
    }

    private void OnEpochStart(int epoch) => Reshuffle(epoch);

    private void Reshuffle(int epoch)
    {
        if (_train.Sampler is DistributedSampler shard) shard.SetEpoch(epoch);
    }

    private double Holdout()
    {
        using var noGrad = no_grad();
        double total = 0;
        long n = 0;
        foreach (var batch in _holdout)
        {
            total += nn.functional.mse_loss(_net.forward(batch["x"]), batch["y"]).item<float>() * batch["y"].shape[0];
            n += batch["y"].shape[0];
        }
        return n == 0 ? 0 : total / n;
    }

    public void Dispose()
    {
        _train.Dispose();
        _holdout.Dispose();
        _net.Dispose();
    }
}
