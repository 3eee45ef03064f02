// Scenario: switching a metric-learning job to a P×K ClassBalancedBatchSampler, the author added batchSampler: to the async-built loader but left batchSize: 64 and shuffle: true from the old call; the runtime rejects both — wrong (CMP006 twice). The epoch itself is set correctly every epoch.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Retrieval.Training;

public static class TripletTraining
{
    private static async Task<long[]> ReadLabelsAsync(string path, CancellationToken ct)
    {
        var lines = await File.ReadAllLinesAsync(path, ct);
        return lines.Where(l => l.Length > 0).Select(long.Parse).ToArray();
    }

    public static async Task TrainAsync(string labelFile, Tensor embeddingsIn, int epochs, CancellationToken ct)
    {
        var labels = await ReadLabelsAsync(labelFile, ct);
        using var data = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["features"] = embeddingsIn,
            ["label"] = tensor(labels),
        });

        var pk = new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: 21);
        using var loader = new EpochDataLoader(data, batchSize: 64, shuffle: true, batchSampler: pk, prefetch: true); //! CMP006 CMP006

        using var projector = nn.Sequential(("fc1", nn.Linear(embeddingsIn.shape[1], 256)), ("relu", nn.ReLU()), ("fc2", nn.Linear(256, 128)));
        using var optimizer = optim.Adam(projector.parameters(), 3e-4);
        using var tripletLoss = nn.TripletMarginLoss(margin: 0.2);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            loader.SetEpoch(epoch);
            foreach (var batch in loader)
            {
                ct.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var z = nn.functional.normalize(projector.forward(batch["features"]), dim: 1);
                // batches are P classes × K samples in class order: anchor/positive are neighbours, negative is the next class
                var anchors = z[TensorIndex.Slice(0, null, 4)];
                var positives = z[TensorIndex.Slice(1, null, 4)];
                var negatives = anchors.roll(1, 0);
                optimizer.zero_grad();
                var loss = tripletLoss.forward(anchors, positives, negatives);
                loss.backward();
                optimizer.step();
            }
            await Console.Out.WriteLineAsync($"epoch {epoch} done");
        }
    }
}
