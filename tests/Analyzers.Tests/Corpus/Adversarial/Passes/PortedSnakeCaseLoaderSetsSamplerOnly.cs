// Scenario: a DataLoader ported from PyTorch (sampler / batch_sampler fields, set_epoch) built with a batch_sampler; the loop calls loader.sampler?.set_epoch(epoch) as the Python code did — wrong: the batch sampler decides the order and is never set.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.PortedSnakeCaseLoaderSetsSamplerOnly;

public sealed class TorchDistributedSampler : IEnumerable<long>
{
    private readonly DistributedSampler _inner;
    public TorchDistributedSampler(long length, int num_replicas, int rank, int seed = 0) =>
        _inner = new DistributedSampler(length, num_replicas, rank, shuffle: true, seed: seed);
    public void set_epoch(int epoch) => _inner.SetEpoch(epoch);
    public IEnumerator<long> GetEnumerator() => _inner.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class TorchBatchSampler(TorchDistributedSampler sampler, int batch_size, bool drop_last) : IEnumerable<long[]>
{
    public void set_epoch(int epoch) => sampler.set_epoch(epoch);
    public IEnumerator<long[]> GetEnumerator() =>
        sampler.Chunk(batch_size).Where(b => !drop_last || b.Length == batch_size).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class PyDataLoader(InMemoryDataset dataset, int batch_size = 1, TorchDistributedSampler? sampler = null, TorchBatchSampler? batch_sampler = null)
    : IEnumerable<Dictionary<string, Tensor>>
{
    public readonly TorchDistributedSampler? sampler = sampler;
    public readonly TorchBatchSampler? batch_sampler = batch_sampler;

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        IEnumerable<long[]> batches = batch_sampler ?? (IEnumerable<long[]>)(sampler ?? Enumerable.Range(0, (int)dataset.Count).Select(i => (long)i)).Chunk(batch_size);
        foreach (var indices in batches) yield return dataset.GetBatch(indices);
    }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Program
{
    public static void Main()
    {
        using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(6_400, 20), ["label"] = randn(6_400, 1) });
        var loader = new PyDataLoader(data, batch_sampler: new TorchBatchSampler(new TorchDistributedSampler(data.Count, 1, 0, seed: 13), 64, drop_last: true));
        var model = nn.Sequential(("fc1", nn.Linear(20, 64)), ("act", nn.Tanh()), ("fc2", nn.Linear(64, 1)));
        var optimizer = optim.RMSProp(model.parameters(), lr: 1e-3);

        int epoch = 0;
        bool done = false;
        while (!done)
        {
            // train_loader.sampler.set_epoch(epoch), as in the reference script
            loader.sampler?.set_epoch(epoch); //! CMP001
            double total = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.mse_loss(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            done = ++epoch >= 40 || total < 1.0;
        }
    }
}
