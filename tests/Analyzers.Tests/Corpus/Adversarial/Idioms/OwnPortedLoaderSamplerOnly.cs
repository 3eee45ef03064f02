// Scenario: a tutorial-style SimpleLoader of the user's own (enumerable, a RandomSampler Sampler property, no batch sampler) reshuffled with loader.Sampler.SetEpoch(epoch) each epoch; correct: the loader has no batch sampler to miss.
using System.Collections;
using TorchSharp;
using Composer.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Idioms.OwnLoader;

public sealed class SimpleLoader : IEnumerable<(Tensor Data, Tensor Label)>
{
    private readonly InMemoryDataset _dataset;
    private readonly int _batchSize;

    public SimpleLoader(InMemoryDataset dataset, int batchSize, int seed)
    {
        _dataset = dataset;
        _batchSize = batchSize;
        Sampler = new RandomSampler(dataset.Count, seed: seed);
    }

    public RandomSampler Sampler { get; }

    public IEnumerator<(Tensor Data, Tensor Label)> GetEnumerator()
    {
        foreach (var chunk in Sampler.Chunk(_batchSize))
        {
            var batch = _dataset.GetBatch(chunk);
            yield return (batch["data"], batch["label"]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Program
{
    public static void Main()
    {
        var loader = new SimpleLoader(new FashionMnist(train: true), batchSize: 100, seed: 42);
        var model = Sequential(("flat", Flatten()), ("fc", Linear(784, 10)));
        var optimizer = optim.SGD(model.parameters(), 0.1);

        for (int epoch = 0; epoch < 8; epoch++)
        {
            loader.Sampler.SetEpoch(epoch);
            model.train();
            var losses = new List<double>();
            foreach (var (x, y) in loader)
            {
                using var d = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.call(x), y);
                loss.backward();
                optimizer.step();
                losses.Add(loss.ToDouble());
            }
            Console.WriteLine($"Epoch {epoch}: mean loss {losses.Average():F4} over {losses.Count} batches");
        }
    }
}
