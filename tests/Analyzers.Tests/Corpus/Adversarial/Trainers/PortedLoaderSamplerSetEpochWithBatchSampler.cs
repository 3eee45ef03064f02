// Scenario: a DataLoader class ported from PyTorch (sampler, batch_sampler, set_epoch) is handed to a loop that calls loader.sampler.set_epoch(epoch) only: a bug, the batch_sampler may be a custom one.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace PyTorchPort;

public sealed class PyDistributedSampler : ISampler, IEpochAware
{
    readonly DistributedSampler _inner;
    public PyDistributedSampler(long length, int? num_replicas = null, int? rank = null, int seed = 0) =>
        _inner = new DistributedSampler(length, num_replicas, rank, shuffle: true, seed: seed);
    public long Count => _inner.Count;
    public void set_epoch(int epoch) => _inner.SetEpoch(epoch);
    void IEpochAware.SetEpoch(int epoch) => set_epoch(epoch);
    public IEnumerator<long> GetEnumerator() => _inner.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class DataLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public readonly InMemoryDataset dataset;
    public readonly PyDistributedSampler sampler;
    public readonly IBatchSampler batch_sampler;

    public DataLoader(InMemoryDataset dataset, PyDistributedSampler sampler, int batch_size = 1, IBatchSampler? batch_sampler = null)
    {
        this.dataset = dataset;
        this.sampler = sampler;
        this.batch_sampler = batch_sampler ?? new BatchSampler(sampler, batch_size);
    }

    public void set_epoch(int epoch)
    {
        if (batch_sampler is IEpochAware b) b.SetEpoch(epoch);
        else sampler.set_epoch(epoch);
    }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in batch_sampler)
            yield return dataset.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class TrainScript
{
    public static void Train(DataLoader loader, nn.Module<Tensor, Tensor> model, int num_epochs)
    {
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.01);
        for (int epoch = 0; epoch < num_epochs; epoch++)
        {
            loader.sampler.set_epoch(epoch); //! CMP001
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
