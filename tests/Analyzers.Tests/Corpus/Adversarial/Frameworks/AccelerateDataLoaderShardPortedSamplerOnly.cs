// Scenario: a hand-ported Accelerate DataLoaderShard (snake_case sampler / batch_sampler fields) is trained with only its sampler's epoch set, while it draws batches from batch_sampler (bug).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace PortedAccelerate.Shards;

public sealed class DataLoaderShard : IEnumerable<Dictionary<string, Tensor>>
{
    public readonly InMemoryDataset dataset;
    public readonly ISampler sampler;
    public readonly IBatchSampler batch_sampler;
    public readonly Device device;

    public DataLoaderShard(InMemoryDataset dataset, ISampler sampler, IBatchSampler batch_sampler, Device? device = null)
    {
        this.dataset = dataset;
        this.sampler = sampler;
        this.batch_sampler = batch_sampler;
        this.device = device ?? CPU;
    }

    public long Count => batch_sampler.Count;

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in batch_sampler)
        {
            var batch = dataset.GetBatch(indices);
            yield return batch.ToDictionary(kv => kv.Key, kv => kv.Value.to(device));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class NoTrainerLoop
{
    public static void Run(DataLoaderShard train_dataloader, nn.Module<Tensor, Tensor> model, int num_train_epochs)
    {
        var optimizer = optim.AdamW(model.parameters(), lr: 5e-5);
        for (int epoch = 0; epoch < num_train_epochs; epoch++)
        {
            model.train();
            if (train_dataloader.sampler is IEpochAware s)
                s.SetEpoch(epoch); //! CMP001
            foreach (var batch in train_dataloader)
            {
                using var outputs = model.call(batch["data"]);
                using var loss = nn.functional.cross_entropy(outputs, batch["label"]);
                loss.backward();
                optimizer.step();
                optimizer.zero_grad();
            }
        }
    }
}
