// Scenario: a ported loader type declares Sampler as ISampler but always assigns a RandomSampler in its constructor; the epoch loop iterates it and never sets the epoch: a bug.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Ported.Ctor;

public sealed class BucketLoader : IEnumerable<Dictionary<string, Tensor>>
{
    readonly InMemoryDataset _data;

    public BucketLoader(InMemoryDataset data, int batchSize, int seed = 0)
    {
        _data = data;
        Sampler = new RandomSampler(data.Count, seed: seed);
        BatchSampler = new BatchSampler(Sampler, batchSize, dropLast: true);
    }

    public ISampler Sampler { get; }
    public IBatchSampler BatchSampler { get; }

    public void SetEpoch(int epoch) => Epochs.SetEpoch(this, epoch);

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in BatchSampler)
            yield return _data.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Training
{
    public static void Run(InMemoryDataset data, int epochs)
    {
        var train = new BucketLoader(data, batchSize: 24, seed: 3);
        var model = nn.Sequential(nn.Linear(12, 24), nn.ReLU(), nn.Linear(24, 3));
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.05);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var epochLoss = 0.0;
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                epochLoss += loss.item<float>();
            }
            Console.WriteLine($"{epoch}\t{epochLoss:F3}");
        }
    }
}
