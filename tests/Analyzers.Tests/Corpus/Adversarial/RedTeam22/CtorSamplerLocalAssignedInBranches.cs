// Scenario: a trainer's constructor declares `ISampler sampler;` and assigns it in an if/else — a shuffling DistributedSampler under data-parallel runs, a RandomSampler otherwise — then builds `_train = new EpochDataLoader(data, 64, sampler: sampler)`; `Fit` loops over epochs and never tells `_train` the epoch. The loader field's creation is in view and its sampler argument is a local whose values are in view ("a local: every value it is given in the member (declaration, assignments, …)"), both epoch-dependent ("a variable with an epoch-dependent value in view"); only when "some of its values are not in view" does its declared type `ISampler` decide. CMP002 on `_train` in `Fit`.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam22.CtorSamplerLocalAssignedInBranches;

public sealed class ClassifierTrainer
{
    private readonly EpochDataLoader _train;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public ClassifierTrainer(InMemoryDataset data, int worldSize, int rank)
    {
        ISampler sampler;
        if (worldSize > 1)
            sampler = new DistributedSampler(data.Count, numReplicas: worldSize, rank: rank, seed: 13);
        else
            sampler = new RandomSampler(data.Count, seed: 13);
        _train = new EpochDataLoader(data, batchSize: 64, sampler: sampler);
        _model = nn.Sequential(("fc1", nn.Linear(20, 80)), ("act", nn.ReLU()), ("fc2", nn.Linear(80, 4)));
        _optimizer = optim.AdamW(_model.parameters(), lr: 1e-3);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in _train) //! CMP002
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]).backward();
                _optimizer.step();
            }
        }
    }
}

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(5000, 20), ["y"] = randint(0, 4, new long[] { 5000 }) });
        int world = int.TryParse(Environment.GetEnvironmentVariable("WORLD_SIZE"), out var w) ? w : 1;
        int rank = int.TryParse(Environment.GetEnvironmentVariable("RANK"), out var r) ? r : 0;
        new ClassifierTrainer(data, world, rank).Fit(15);
    }
}
