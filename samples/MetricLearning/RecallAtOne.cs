using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace MetricLearning;

/// <summary>
/// Recall@1 on a held-out set: the share of images whose nearest other image (by embedding) has the
/// same class. Computed before training and after every epoch, logged as <c>metrics/test/recall@1</c>.
/// </summary>
internal sealed class RecallAtOne(InMemoryDataset test, EmbeddingModel model) : Callback
{
    public List<double> History { get; } = [];

    public override void FitStart(State state, Logger logger) => Measure(state, logger);

    public override void EpochEnd(State state, Logger logger) => Measure(state, logger);

    private void Measure(State state, Logger logger)
    {
        double recall = Compute(state.Device);
        History.Add(recall);
        logger.LogMetrics(new Dictionary<string, double> { ["metrics/test/recall@1"] = recall });
        Console.WriteLine($"Recall@1 on the test set after {state.Timestamp.Epoch} epoch(s): {recall:F4}");
    }

    private double Compute(Device device)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        var images = test.Columns["data"];
        var labels = test.Columns["label"].to(device);
        var embeddings = cat(Enumerable.Range(0, (int)((test.Count + 999) / 1000))
            .Select(i => model.Embed(images.narrow(0, i * 1000L, Math.Min(1000L, test.Count - i * 1000L)).to(device))).ToList(), 0);
        model.train();

        long hits = 0;
        for (long start = 0; start < test.Count; start += 1000)
        {
            using var chunkScope = NewDisposeScope();
            long length = Math.Min(1000, test.Count - start);
            var similarity = embeddings.narrow(0, start, length).mm(embeddings.t());
            // An image is not its own neighbour.
            similarity.index_put_(float.NegativeInfinity, arange(length, device: device), arange(start, start + length, device: device));
            var nearest = similarity.argmax(1);
            hits += labels.index_select(0, nearest).eq(labels.narrow(0, start, length)).sum().item<long>();
        }

        return (double)hits / test.Count;
    }
}
