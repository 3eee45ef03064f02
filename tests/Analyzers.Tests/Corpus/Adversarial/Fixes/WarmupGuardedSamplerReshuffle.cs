// Scenario: a callback reshuffles only after warm-up, counting epochs from its end: `if (loader.Sampler is IEpochAware s && epoch >= warmup) s.SetEpoch(epoch - warmup);` on a loader handed in from outside: wrong (a batch sampler is never reached) - CMP001; the fix must keep the warm-up condition (the doc says the call alone is replaced under a longer condition).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.WarmupGuardedSamplerReshuffle;

public sealed class WarmupReshuffleCallback(EpochDataLoader trainLoader, int warmupEpochs)
{
    public void OnEpochStart(int epoch)
    {
        // During warm-up the order stays fixed; afterwards epochs are counted from the end of warm-up.
        if (trainLoader.Sampler is IEpochAware s && epoch >= warmupEpochs) s.SetEpoch(epoch - warmupEpochs); //! CMP001
        Console.WriteLine(epoch < warmupEpochs ? $"warm-up epoch {epoch}" : $"epoch {epoch - warmupEpochs}");
    }
}

public static class Program
{
    public static void Main()
    {
        var labels = Enumerable.Range(0, 640).Select(i => (long)(i % 8)).ToList();
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(640, 16), ["label"] = tensor(labels.ToArray()) });
        using var loader = new EpochDataLoader(data, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 4, samplesPerClass: 8, seed: 5));
        var callback = new WarmupReshuffleCallback(loader, warmupEpochs: 2);
        var model = nn.Linear(16, 8);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.01);
        for (int epoch = 0; epoch < 6; epoch++)
        {
            callback.OnEpochStart(epoch);
            loader.SetEpoch(epoch);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
