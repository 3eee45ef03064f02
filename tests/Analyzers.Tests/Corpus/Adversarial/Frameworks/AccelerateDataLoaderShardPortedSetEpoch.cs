// Scenario: a hand-ported Accelerate DataLoaderShard has snake_case sampler / batch_sampler fields and a set_epoch that prefers batch_sampler and falls back to sampler; the loop calls train_dataloader.set_epoch(epoch) (correct).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace PortedAccelerate.ShardSetEpoch;

public sealed class DataLoaderShard : IEnumerable<Dictionary<string, Tensor>>
{
    public readonly InMemoryDataset dataset;
    public readonly ISampler sampler;
    public readonly IBatchSampler? batch_sampler;
    private readonly int batch_size;

    public DataLoaderShard(InMemoryDataset dataset, ISampler sampler, IBatchSampler? batch_sampler = null, int batch_size = 1)
    {
        this.dataset = dataset;
        this.sampler = sampler;
        this.batch_sampler = batch_sampler;
        this.batch_size = batch_size;
    }

    public void set_epoch(int epoch)
    {
        if (batch_sampler is IEpochAware b)
            b.SetEpoch(epoch);
        else if (sampler is IEpochAware s)
            s.SetEpoch(epoch);
    }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        IEnumerable<long[]> batches = batch_sampler ?? sampler.Chunk(batch_size);
        foreach (var indices in batches)
            yield return dataset.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class ShardTraining
{
    public static void Run(InMemoryDataset ds, nn.Module<Tensor, Tensor> model, int num_train_epochs, int rank, int world)
    {
        var train_dataloader = new DataLoaderShard(ds, new DistributedSampler(ds.Count, world, rank, seed: 0), batch_size: 16);
        var optimizer = optim.AdamW(model.parameters(), lr: 5e-5);
        for (int epoch = 0; epoch < num_train_epochs; epoch++)
        {
            train_dataloader.set_epoch(epoch);
            foreach (var batch in train_dataloader)
            {
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                optimizer.zero_grad();
            }
        }
    }
}
