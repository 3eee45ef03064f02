// Scenario: a ported loader type with a sampler field and no batch_sampler member; the loop calls loader.sampler.set_epoch(epoch): correct, that sampler is what orders the data.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace PyTorchPort.Simple;

public sealed class ShardSampler : ISampler, IEpochAware
{
    readonly DistributedSampler _inner;
    public ShardSampler(long length, int seed) => _inner = new DistributedSampler(length, seed: seed);
    public long Count => _inner.Count;
    public void set_epoch(int epoch) => _inner.SetEpoch(epoch);
    void IEpochAware.SetEpoch(int epoch) => set_epoch(epoch);
    public IEnumerator<long> GetEnumerator() => _inner.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class SimpleLoader(InMemoryDataset dataset, ShardSampler sampler, int batch_size) : IEnumerable<Dictionary<string, Tensor>>
{
    public readonly InMemoryDataset dataset = dataset;
    public readonly ShardSampler sampler = sampler;
    public readonly int batch_size = batch_size;

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var chunk in sampler.Chunk(batch_size))
            yield return dataset.GetBatch(chunk);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class TrainScript
{
    public static void Train(SimpleLoader loader, nn.Module<Tensor, Tensor> model, int num_epochs)
    {
        var optimizer = optim.Adam(model.parameters());
        for (int epoch = 0; epoch < num_epochs; epoch++)
        {
            loader.sampler.set_epoch(epoch);
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
