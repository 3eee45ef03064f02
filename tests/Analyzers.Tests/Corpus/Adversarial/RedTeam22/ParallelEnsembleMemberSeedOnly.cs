// Scenario: a bagging ensemble trains its members in parallel, one epoch at a time: inside `for (epoch…)`, `Parallel.For(0, members, m => { using var loader = new DataLoader(parts[m], 64, shuffle: true, seed: 1000 + m); … })` rebuilds each member's TorchSharp loader with a seed made from the member index only. TorchSharp reseeds from `seed` at every enumeration, so member m sees the same order in every epoch. CMP003 flags a shuffling TorchSharp loader whose "seed does not change across any loop around the creation": the epoch loop is around the creation and `1000 + m` is the same on each of its passes (the lambda's `m` runs over the same members every epoch; nothing in it reads the epoch). CMP003 at the creation.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam22.ParallelEnsembleMemberSeedOnly;

public static class Program
{
    public static void Main()
    {
        const int members = 4;
        var parts = Enumerable.Range(0, members)
            .Select(_ => (torch.utils.data.Dataset)new Composer.Data.InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1500, 12), ["y"] = randint(0, 3, new long[] { 1500 }) }))
            .ToArray();
        var models = Enumerable.Range(0, members).Select(_ => nn.Sequential(("fc1", nn.Linear(12, 24)), ("act", nn.ReLU()), ("fc2", nn.Linear(24, 3)))).ToArray();
        var optimizers = models.Select(m => optim.SGD(m.parameters(), learningRate: 0.05)).ToArray();

        for (int epoch = 0; epoch < 20; epoch++)
        {
            Parallel.For(0, members, m =>
            {
                using var loader = new DataLoader(parts[m], 64, shuffle: true, seed: 1000 + m, disposeDataset: false); //! CMP003
                foreach (var batch in loader)
                {
                    using var scope = NewDisposeScope();
                    optimizers[m].zero_grad();
                    nn.functional.cross_entropy(models[m].forward(batch["x"]), batch["y"]).backward();
                    optimizers[m].step();
                }
            });
            Console.WriteLine($"epoch {epoch} done");
        }
    }
}
