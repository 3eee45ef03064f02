// Scenario: domain adaptation with generic helpers: BeginEpoch<TLoader>(source, epoch) calls SetEpoch on its type-parameter receiver, then RunEpoch<TBatch>(IDataLoader<TBatch>, step) iterates each loader. The source loader is handled by the helper; the target loader (RandomSampler) is never set, so the RunEpoch call on it gets CMP002 on "the loader argument of its call". The source call is not flagged.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.GenericHelpers;

public static class Program
{
    public static void Main()
    {
        var sourceSet = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["x"] = randn(6000, 24),
            ["y"] = randint(0, 6, new long[] { 6000 }),
        });
        var targetSet = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["x"] = randn(3000, 24) + 0.5,
            ["y"] = randint(0, 6, new long[] { 3000 }),
        });
        using var source = new EpochDataLoader(sourceSet, batchSize: 64, shuffle: true, seed: 4);
        using var target = new EpochDataLoader(targetSet, batchSize: 64, sampler: new RandomSampler(targetSet.Count, seed: 4));

        var backbone = nn.Sequential(("fc", nn.Linear(24, 48)), ("act", nn.ReLU()));
        var classifier = nn.Linear(48, 6);
        var parameters = backbone.parameters().Concat(classifier.parameters());
        var optimizer = optim.Adam(parameters, lr: 1e-3);

        for (int epoch = 0; epoch < 20; epoch++)
        {
            BeginEpoch(source, epoch);
            var supervised = RunEpoch(source, batch =>
            {
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(classifier.forward(backbone.forward(batch["x"])), batch["y"]);
                loss.backward();
                optimizer.step();
                return loss.item<float>();
            });
            var entropy = RunEpoch(target, batch => //! CMP002
            {
                optimizer.zero_grad();
                var p = nn.functional.softmax(classifier.forward(backbone.forward(batch["x"])), 1);
                var loss = -(p * p.clamp_min(1e-8).log()).sum(1).mean();
                loss.backward();
                optimizer.step();
                return loss.item<float>();
            });
            Console.WriteLine($"epoch {epoch}: ce {supervised:F4}, target entropy {entropy:F4}");
        }
    }

    static void BeginEpoch<TLoader>(TLoader loader, int epoch) where TLoader : IDataLoader<Dictionary<string, Tensor>>
        => loader.SetEpoch(epoch);

    static double RunEpoch<TBatch>(IDataLoader<TBatch> loader, Func<TBatch, double> step)
    {
        double sum = 0;
        long n = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            sum += step(batch);
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }
}
