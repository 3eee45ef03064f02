// Scenario: three ways a data module gives each epoch's TorchSharp loader a seed of its own: a per-epoch factory `ForEpoch(int epoch)` with `seed: HashCode.Combine(_baseSeed, epoch)` called by other files; a loop rebuilding the loader with `seed: _seeds[epoch]` from a precomputed array; and a replay loop drawing `seed: _rng.Next()` from one `Random` created in the constructor. Right in all three: the seed differs from epoch to epoch. CMP003 page, not flagged: a loader built outside every loop of an ordinary method "whose seed reads that method's parameter named for the current epoch" (also through a call); inside a loop, "method calls (`Random.Shared.Next()`, `rng.Next()`) and array elements (`seeds[epoch]`) also count as changing". No diagnostic.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam27.VaryingSeeds;

public sealed class ShuffledDataModule
{
    private readonly torch.utils.data.Dataset _train;
    private readonly int _baseSeed;
    private readonly int[] _seeds;
    private readonly Random _rng;

    public ShuffledDataModule(torch.utils.data.Dataset train, int baseSeed, int maxEpochs)
    {
        _train = train;
        _baseSeed = baseSeed;
        _rng = new Random(baseSeed);
        _seeds = Enumerable.Range(0, maxEpochs).Select(_ => _rng.Next()).ToArray();
    }

    public DataLoader ForEpoch(int epoch) =>
        new DataLoader(_train, 64, shuffle: true, seed: HashCode.Combine(_baseSeed, epoch), disposeDataset: false);

    public void Fit(nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < Math.Min(epochs, _seeds.Length); epoch++)
        {
            using var loader = new DataLoader(_train, 64, shuffle: true, seed: _seeds[epoch], disposeDataset: false);
            foreach (var batch in loader) Step(model, optimizer, batch);
        }
    }

    public void Replay(nn.Module<Tensor, Tensor> model, int passes)
    {
        var optimizer = optim.SGD(model.parameters(), 0.01);
        for (int pass = 0; pass < passes; pass++)
        {
            using var loader = new DataLoader(_train, 128, shuffle: true, seed: _rng.Next(), disposeDataset: false);
            foreach (var batch in loader) Step(model, optimizer, batch);
        }
    }

    private static void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Dictionary<string, Tensor> batch)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
        loss.backward();
        optimizer.step();
    }
}
