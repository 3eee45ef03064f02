// Scenario: an "on epoch start" Action<int> lambda calls Epochs.SetEpoch on the batch-sampler loader and the loop invokes it before iterating: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Hooks;

public static class HookedLoop
{
    public static void Train(InMemoryDataset data, IReadOnlyList<long> labels, int epochs, Action<int, double>? report = null)
    {
        var batchSampler = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 13);
        using var loader = new EpochDataLoader(data, batchSampler: batchSampler);
        var embedder = nn.Sequential(("fc1", nn.Linear(128, 256)), ("relu", nn.ReLU()), ("fc2", nn.Linear(256, 64)));
        var optimizer = optim.Adam(embedder.parameters(), lr: 3e-4);

        Action<int> onEpochStart = e => Epochs.SetEpoch(loader, e);
        Action<int, double> onEpochEnd = report ?? ((e, l) => Console.WriteLine($"epoch {e}: {l:F4}"));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            onEpochStart(epoch);
            double sum = 0;
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var emb = nn.functional.normalize(embedder.forward(batch["data"]), p: 2, dim: 1);
                using var sim = emb.matmul(emb.t());
                using var same = batch["label"].unsqueeze(1).eq(batch["label"].unsqueeze(0)).to_type(ScalarType.Float32);
                using var loss = nn.functional.binary_cross_entropy_with_logits(sim * 10, same);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            onEpochEnd(epoch, sum / loader.Count);
        }
    }
}
