// Scenario: a trainer's constructor picks its sampler into a local, `ISampler sampler = distributed ? new DistributedSampler(…) : new RandomSampler(…)`, and builds the loader field from it; `Fit` iterates the field every epoch and never sets its epoch. The field's creation is in view (assigned in the constructor), and its `sampler:` argument is "a variable with an epoch-dependent value in view" — a local whose every value ("declaration, assignments") is in the constructor, "either arm of `?:`" epoch-dependent — so the loader's order depends on the epoch: CMP002.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam20.TrainerCtorPicksSamplerLocal;

public sealed class ClassifierTrainer
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _val;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;

    public ClassifierTrainer(InMemoryDataset trainSet, InMemoryDataset valSet, bool distributed, int worldSize, int rank)
    {
        ISampler sampler = distributed
            ? new DistributedSampler(trainSet.Count, numReplicas: worldSize, rank: rank, seed: 5)
            : new RandomSampler(trainSet.Count, seed: 5);
        _train = new EpochDataLoader(trainSet, batchSize: 128, sampler: sampler, dropLast: true);
        _val = new EpochDataLoader(valSet, batchSize: 512);
        _model = nn.Sequential(("fc1", nn.Linear(40, 96)), ("act", nn.SiLU()), ("fc2", nn.Linear(96, 7)));
        _optimizer = optim.AdamW(_model.parameters(), lr: 2e-3, weight_decay: 0.05);
    }

    public void Fit(int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _model.train();
            foreach (var batch in _train) //! CMP002
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                nn.functional.cross_entropy(_model.forward(batch["x"]), batch["y"]).backward();
                _optimizer.step();
            }
            _model.eval();
            using var noGrad = no_grad();
            long correct = 0;
            foreach (var batch in _val)
                correct += _model.forward(batch["x"]).argmax(1).eq(batch["y"]).sum().item<long>();
            Console.WriteLine($"epoch {epoch}: {correct} correct");
        }
    }
}

public static class Program
{
    public static void Main()
    {
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(5000, 40), ["y"] = randint(0, 7, new long[] { 5000 }) });
        var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1000, 40), ["y"] = randint(0, 7, new long[] { 1000 }) });
        new ClassifierTrainer(trainSet, valSet, distributed: false, worldSize: 1, rank: 0).Fit(30);
    }
}
