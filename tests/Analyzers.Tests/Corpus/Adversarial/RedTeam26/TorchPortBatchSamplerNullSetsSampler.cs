// Scenario: a faithful port of torch.utils.data.DataLoader (fields dataset/sampler/batch_sampler; with batch_sampler null it builds its own BatchSampler over `sampler`), created with `sampler: shard, batch_sampler: null`; the loop sets the epoch through loader.sampler, as PyTorch's DDP tutorial does. Right: the creation passes no batch sampler (null), so CMP001 does not apply, and the sampler setter handles CMP002. No diagnostic.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RT26.TorchPort;

public sealed class DataLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public readonly InMemoryDataset dataset;
    public readonly ISampler sampler;
    public readonly IBatchSampler batch_sampler;

    public DataLoader(InMemoryDataset dataset, int batch_size = 1, ISampler? sampler = null, IBatchSampler? batch_sampler = null, bool drop_last = false)
    {
        this.dataset = dataset;
        this.sampler = sampler ?? new SequentialSampler(dataset.Count);
        this.batch_sampler = batch_sampler ?? new BatchSampler(this.sampler, batch_size, drop_last);
    }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] idx in batch_sampler) yield return dataset.GetBatch(idx);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class DdpTutorial
{
    public static void Main2(InMemoryDataset data, torch.nn.Module<Tensor, Tensor> ddpModel, int rank, int worldSize, int totalEpochs)
    {
        var shard = new DistributedSampler(data.Count, numReplicas: worldSize, rank: rank, seed: 0);
        var loader = new DataLoader(data, batch_size: 32, sampler: shard, batch_sampler: null, drop_last: true);
        var optimizer = torch.optim.SGD(ddpModel.parameters(), 1e-3);

        for (int epoch = 0; epoch < totalEpochs; epoch++)
        {
            ((DistributedSampler)loader.sampler).SetEpoch(epoch);
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = torch.nn.functional.mse_loss(ddpModel.forward(batch["source"]), batch["target"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
