// Scenario: A metric-learning trainer passes EpochDataLoader's arguments positionally (data, 32, true, null, batches): batchSize 32 and shuffle true next to a P×K batch sampler are both rejected (bug: CMP006 twice); sampler null is fine and the epoch is set with Epochs.SetEpoch.
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MetricLearning;

public sealed class EmbeddingNet : nn.Module<Tensor, Tensor>
{
    readonly Sequential _body = nn.Sequential(
        ("flatten", nn.Flatten()),
        ("fc1", nn.Linear(784, 256)),
        ("act", nn.ReLU()),
        ("fc2", nn.Linear(256, 64)));

    public EmbeddingNet() : base(nameof(EmbeddingNet)) => RegisterComponents();

    public override Tensor forward(Tensor x) => nn.functional.normalize(_body.forward(x), p: 2, dim: 1);
}

public static class TripletTraining
{
    static Tensor BatchHardTripletLoss(Tensor embeddings, Tensor labels, double margin)
    {
        var distances = cdist(embeddings, embeddings);
        var same = labels.unsqueeze(0).eq(labels.unsqueeze(1));
        var hardestPositive = distances.masked_fill(same.logical_not(), 0).amax([1]);
        var hardestNegative = distances.masked_fill(same, 1e4).amin([1]);
        return nn.functional.relu(hardestPositive - hardestNegative + margin).mean();
    }

    public static void Train(InMemoryDataset data, int epochs)
    {
        long[] labels = data.Columns["label"].data<long>().ToArray();
        var batches = new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 21);
        using var loader = new EpochDataLoader(data, 32, true, null, batches); //! CMP006 CMP006

        var net = new EmbeddingNet();
        var optimizer = optim.Adam(net.parameters(), lr: 3e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(loader, epoch);
            double total = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = BatchHardTripletLoss(net.forward(batch["data"]), batch["label"], margin: 0.2);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: triplet loss {total / loader.Count:F4}");
        }
    }
}
