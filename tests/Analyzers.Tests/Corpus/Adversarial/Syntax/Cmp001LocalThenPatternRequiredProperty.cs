// Scenario: a trainer with a `required init` loader property (set from outside in an object initializer) copies `Train.Sampler` to a local and then tests it with `is IEpochAware ea` before setting the epoch (bug: CMP001; the loader is built with a batch sampler).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp001LocalThenPatternRequiredProperty;

public sealed class Trainer
{
    public required EpochDataLoader Train { get; init; }
    public required nn.Module<Tensor, Tensor> Model { get; init; }
    public int Epochs { get; init; } = 10;

    public void Fit()
    {
        var opt = optim.Adam(Model.parameters());
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            var sampler = Train.Sampler;
            if (sampler is IEpochAware ea)
                ea.SetEpoch(epoch); //! CMP001
            foreach (var batch in Train)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(Model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        }
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(640, 4), ["label"] = randint(0, 2, 640) });
        var trainer = new Trainer
        {
            Train = new EpochDataLoader(data, batchSampler: new BatchSampler(new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 1), 32)),
            Model = nn.Linear(4, 2),
        };
        trainer.Fit();
    }
}
