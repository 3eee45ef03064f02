// Scenario: a loader that may be built with or without a batch sampler is reset each epoch by `switch (loader)` with `case { BatchSampler: IEpochAware b }:` first and `case { Sampler: IEpochAware s }:` as a fallback; the batch sampler is handled on the pass (correct, no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind11.SwitchOnLoaderBatchSamplerCase;

public static class Program
{
    public static void Main(string[] args)
    {
        bool balanced = args.Contains("--balanced");
        const int n = 2400;
        var labels = Enumerable.Range(0, n).Select(i => (long)(i % 12)).ToArray();
        var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(n, 30),
            ["label"] = tensor(labels),
        });

        using var loader = balanced
            ? new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 4, samplesPerClass: 8, seed: 13))
            : new EpochDataLoader(data, batchSize: 32, sampler: new RandomSampler(n, seed: 13));

        var model = nn.Sequential(nn.Linear(30, 64), nn.ReLU(), nn.Linear(64, 12));
        var optimizer = optim.Adam(model.parameters(), lr: 2e-3);

        for (int epoch = 0; epoch < 10; epoch++)
        {
            switch (loader)
            {
                case { BatchSampler: IEpochAware b }:
                    b.SetEpoch(epoch);
                    break;
                case { Sampler: IEpochAware s }:
                    s.SetEpoch(epoch);
                    break;
            }

            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}: {loader.Count} batches");
        }
    }
}
