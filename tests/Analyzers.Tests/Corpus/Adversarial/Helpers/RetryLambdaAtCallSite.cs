// Scenario: metric-learning loop that wraps each epoch's helper call in a retry lambda, WithRetry(3, () => TrainOneEpoch(model, train, optimizer)). The P×K loader's epoch is never set. "A lambda passed as an argument counts where it is written", so the helper call inside it is an iteration in the epoch loop: CMP002 on `train`. The evaluation helper in a lambda runs a non-shuffling loader and is not flagged.
using System.Runtime.InteropServices;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.RetryLambdaAtCallSite;

public static class Program
{
    public static void Main()
    {
        var labels = Enumerable.Range(0, 6400).Select(i => (long)(i % 100)).ToArray();
        var gallery = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["image"] = randn(6400, 128),
            ["label"] = tensor(labels),
        });
        var queries = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["image"] = randn(800, 128),
            ["label"] = randint(0, 100, new long[] { 800 }),
        });
        using var train = new EpochDataLoader(gallery,
            batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 16, samplesPerClass: 4, seed: 1));
        using var val = new EpochDataLoader(queries, batchSize: 200);

        var embedder = nn.Sequential(("fc", nn.Linear(128, 64)), ("bn", nn.BatchNorm1d(64)), ("act", nn.ReLU()), ("emb", nn.Linear(64, 32)));
        var optimizer = optim.SGD(embedder.parameters(), 0.01);

        for (int epoch = 0; epoch < 30; epoch++)
        {
            var loss = WithRetry(3, () => TrainOneEpoch(embedder, train, optimizer)); //! CMP002
            var spread = WithRetry(1, () => EmbeddingSpread(embedder, val));
            Console.WriteLine($"epoch {epoch}: triplet loss {loss:F4}, spread {spread:F3}");
        }
    }

    static T WithRetry<T>(int attempts, Func<T> body)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { return body(); }
            catch (ExternalException ex) when (attempt < attempts)
            {
                Console.Error.WriteLine($"attempt {attempt} failed: {ex.Message}; retrying");
            }
        }
    }

    static double TrainOneEpoch(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, optim.Optimizer optimizer)
    {
        model.train();
        var lossFn = nn.TripletMarginLoss(margin: 0.2);
        double total = 0;
        var batches = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            var z = model.forward(batch["image"]);
            var anchor = z[TensorIndex.Slice(0, null, 4)];
            var positive = z[TensorIndex.Slice(1, null, 4)];
            var negative = anchor.roll(1, 0);
            optimizer.zero_grad();
            var loss = lossFn.forward(anchor, positive, negative);
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
            batches++;
        }
        return total / Math.Max(batches, 1);
    }

    static double EmbeddingSpread(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        model.eval();
        using var _ = no_grad();
        var norms = new List<double>();
        foreach (var batch in loader)
            norms.Add(model.forward(batch["image"]).std().item<float>());
        return norms.Count == 0 ? 0 : norms.Average();
    }
}
