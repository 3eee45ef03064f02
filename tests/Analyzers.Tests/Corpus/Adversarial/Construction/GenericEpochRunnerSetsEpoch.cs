// Scenario: A generic helper Run<TLoader>(TLoader loader, ...) where TLoader : IEnumerable<batch>, IEpochAware sets the epoch before iterating on every pass; callers hand it shuffled and class-balanced EpochDataLoaders (negative).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Generic;

public static class EpochRunner
{
    public static IReadOnlyList<double> Run<TLoader>(TLoader loader, nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, int epochs)
        where TLoader : IEnumerable<Dictionary<string, Tensor>>, IEpochAware
    {
        var losses = new List<double>(epochs);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.SetEpoch(epoch);
            double sum = 0;
            int count = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                count++;
            }
            losses.Add(sum / Math.Max(1, count));
        }
        return losses;
    }

    public static void Compare(InMemoryDataset data)
    {
        long[] labels = data.Columns["label"].data<long>().ToArray();
        var variants = new (string Name, Func<EpochDataLoader> Make)[]
        {
            ("shuffle", () => new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 1)),
            ("balanced", () => new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, 8, 8, seed: 1))),
        };
        foreach (var (name, make) in variants)
        {
            manual_seed(0);
            var model = nn.Sequential(("flatten", nn.Flatten()), ("fc", nn.Linear(784, 10)));
            using var loader = make();
            var curve = Run(loader, model, optim.SGD(model.parameters(), 0.1), epochs: 5);
            Console.WriteLine($"{name}: {string.Join(", ", curve.Select(l => l.ToString("F3")))}");
        }
    }
}
