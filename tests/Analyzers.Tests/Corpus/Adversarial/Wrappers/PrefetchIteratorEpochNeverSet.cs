// Scenario: an NVIDIA-style prefetcher written as an iterator method wraps a shuffling EpochDataLoader; the epoch loop never sets the loader's epoch: a bug (the iterator runs a foreach straight over its argument, so its call is the iteration).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wrappers.PrefetchIterator;

public static class Prefetch
{
    // Keeps `depth` batches in flight, copied to the device ahead of the step that uses them.
    public static IEnumerable<Dictionary<string, Tensor>> Ahead(IEnumerable<Dictionary<string, Tensor>> batches, Device device, int depth = 2)
    {
        var queue = new Queue<Dictionary<string, Tensor>>();
        foreach (var batch in batches)
        {
            queue.Enqueue(batch.ToDictionary(kv => kv.Key, kv => kv.Value.to(device)));
            if (queue.Count >= depth) yield return queue.Dequeue();
        }
        while (queue.Count > 0) yield return queue.Dequeue();
    }
}

public sealed class ImageNetStyleTrainer
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly Device _device;

    public ImageNetStyleTrainer(nn.Module<Tensor, Tensor> model, Device device)
    {
        _model = model.to(device);
        _device = device;
    }

    public void Fit(InMemoryDataset data, int epochs)
    {
        using var train = new EpochDataLoader(data, batchSize: 256, shuffle: true, seed: 17, workers: 2);
        var optimizer = optim.SGD(_model.parameters(), 0.1, momentum: 0.9);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _model.train();
            double total = 0;
            foreach (var batch in Prefetch.Ahead(train, _device)) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"epoch {epoch}: loss {total / train.Count:F4}");
        }
    }
}
