// Scenario: inside the epoch loop the (correctly set) train loader is followed by evaluation loaders wrapped in a progress iterator, an Evaluate helper and a Take preview; none of them shuffles (shuffle omitted, DistributedSampler shuffle: false), so none needs an epoch: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wrappers.EvalProgress;

public static class Progress
{
    public static IEnumerable<T> Bar<T>(IEnumerable<T> items, string label)
    {
        int i = 0;
        foreach (var item in items)
        {
            if (++i % 20 == 0) Console.Error.Write($"\r{label} {i}");
            yield return item;
        }
        Console.Error.WriteLine($"\r{label} {i} done");
    }
}

public sealed class SegmentationRun
{
    private readonly nn.Module<Tensor, Tensor> _model;

    public SegmentationRun(nn.Module<Tensor, Tensor> model) => _model = model;

    public void Fit(InMemoryDataset trainSet, InMemoryDataset valSet, InMemoryDataset testSet, int epochs)
    {
        using var train = new EpochDataLoader(trainSet, batchSize: 8, shuffle: true, seed: 123);
        using var val = new EpochDataLoader(valSet, batchSize: 16);
        using var test = new EpochDataLoader(testSet, batchSize: 16, sampler: new DistributedSampler(testSet.Count, shuffle: false));
        var optimizer = optim.Adam(_model.parameters(), 1e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(train, epoch);
            _model.train();
            foreach (var batch in Progress.Bar(train, $"train {epoch}"))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]).backward();
                optimizer.step();
            }

            _model.eval();
            using (no_grad())
            {
                foreach (var batch in Progress.Bar(val, $"val {epoch}"))
                {
                    using var scope = NewDisposeScope();
                    _model.call(batch["data"]);
                }
                double testLoss = Evaluate(test);
                foreach (var preview in test.Take(2))
                    Console.WriteLine($"preview batch of {preview["data"].shape[0]}");
                Console.WriteLine($"epoch {epoch}: test loss {testLoss:F4}");
            }
        }
    }

    private double Evaluate(IEnumerable<Dictionary<string, Tensor>> batches)
    {
        double sum = 0;
        int n = 0;
        foreach (var batch in batches)
        {
            using var scope = NewDisposeScope();
            sum += nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]).item<float>();
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }
}
