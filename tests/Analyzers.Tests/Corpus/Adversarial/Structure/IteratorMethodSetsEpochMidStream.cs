// Scenario: a BatchFeed wraps its shuffling loader in an iterator method (yield return) that moves batches to the device, and sets the loader's epoch from inside its foreach on the first batch (wrong: set during the iteration, the epoch only takes effect on the next one).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.IteratorMethodSetsEpochMidStream;

public sealed class BatchFeed : IDisposable
{
    private readonly EpochDataLoader _loader;

    public BatchFeed(InMemoryDataset data, int batchSize, int seed) =>
        _loader = new EpochDataLoader(data, batchSize: batchSize, shuffle: true, seed: seed, disposeBatches: false);

    public long BatchesPerEpoch => _loader.Count;

    /// <summary>This epoch's batches on <paramref name="device"/>, numbered from 0.</summary>
    public IEnumerable<(long Step, Dictionary<string, Tensor> Batch)> Epoch(int epoch, Device device)
    {
        long step = 0;
        foreach (var batch in _loader)
        {
            if (step == 0)
                _loader.SetEpoch(epoch); //! CMP005
            var moved = batch.ToDictionary(kv => kv.Key, kv => kv.Value.to(device));
            yield return (step++, moved);
        }
    }

    public void Dispose() => _loader.Dispose();
}

public sealed class FeedTrainer(nn.Module<Tensor, Tensor> model, Device device)
{
    private readonly optim.Optimizer _optimizer = optim.Adam(model.parameters(), lr: 5e-4);

    public void Fit(BatchFeed feed, int epochs)
    {
        model.to(device);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double total = 0;
            foreach (var (step, batch) in feed.Epoch(epoch, device))
            {
                _optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                _optimizer.step();
                total += loss.item<float>();
                if (step % 100 == 0) Console.WriteLine($"epoch {epoch} step {step}/{feed.BatchesPerEpoch}");
            }
            Console.WriteLine($"epoch {epoch}: mean loss {total / feed.BatchesPerEpoch:F4}");
        }
    }
}
