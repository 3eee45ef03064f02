// Scenario: a curriculum trainer rebuilds its loaders every epoch from a growing easy subset and a hard pool, seeding both from options.Seed, which is the same every epoch; wrong.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HeldOut2.Blind.CurriculumRebuiltSameSeed;

public sealed record CurriculumOptions(int Epochs = 20, int BatchSize = 32, int Seed = 5, int HardBatchesPerEpoch = 25, double StartFraction = 0.2);

public sealed class CurriculumTrainer
{
    private readonly CurriculumOptions _opts;
    private readonly Tensor _x;
    private readonly Tensor _y;
    private readonly Tensor _difficulty;
    private readonly InMemoryDataset _hardPool;
    private readonly nn.Module<Tensor, Tensor> _model;

    public CurriculumTrainer(Tensor x, Tensor y, Tensor difficulty, CurriculumOptions opts)
    {
        (_x, _y, _difficulty, _opts) = (x, y, difficulty, opts);
        var hardIdx = difficulty.gt(0.8).nonzero().squeeze(1);
        _hardPool = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = x.index_select(0, hardIdx), ["y"] = y.index_select(0, hardIdx) });
        _model = nn.Sequential(nn.Linear(x.shape[1], 128), nn.ReLU(), nn.Linear(128, 10));
    }

    private InMemoryDataset Easiest(double fraction)
    {
        long keep = Math.Max(1, (long)(_x.shape[0] * fraction));
        var idx = _difficulty.argsort()[..(int)keep];
        return new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = _x.index_select(0, idx), ["y"] = _y.index_select(0, idx) });
    }

    public void Fit()
    {
        var optimizer = optim.SGD(_model.parameters(), 0.05, momentum: 0.9);
        var pacing = optim.lr_scheduler.CosineAnnealingLR(optimizer, _opts.Epochs);

        for (int epoch = 0; epoch < _opts.Epochs; epoch++)
        {
            double fraction = Math.Min(1.0, _opts.StartFraction + epoch * (1 - _opts.StartFraction) / (_opts.Epochs / 2.0));
            var easy = Easiest(fraction);
            using var loader = new DataLoader(easy, _opts.BatchSize, shuffle: true, seed: _opts.Seed, disposeDataset: true); //! CMP003
            _model.train();
            double loss = 0;
            long steps = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                loss += Step(optimizer, batch);
                steps++;
            }

            using var hard = new EpochDataLoader(_hardPool, _opts.BatchSize, shuffle: true, seed: _opts.Seed);
            foreach (var batch in hard.Take(_opts.HardBatchesPerEpoch)) //! CMP002
            {
                using var scope = NewDisposeScope();
                loss += Step(optimizer, batch);
                steps++;
            }

            pacing.step();
            Console.WriteLine($"epoch {epoch}: {fraction:P0} of the data, {easy.Count} easy samples, loss {loss / Math.Max(1, steps):F4}");
        }
    }

    private double Step(optim.Optimizer optimizer, Dictionary<string, Tensor> batch)
    {
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(_model.call(batch["x"]), batch["y"]);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}
