// Scenario: a ported loader of the user's with `sampler`/`batch_sampler` fields, built with a batch_sampler over a DistributedSampler; the loop sets only loader.sampler and logs the batch sampler with Trace.TraceInformation("…{2}", rank, epoch, loader.batch_sampler), a params object[] call. The pages: .NET's printing sets no epoch of a batch sampler handed to it ("not to .NET's printing and checks", Trace.WriteLine named among them), so nothing handles the batch sampler: CMP001 on the sampler setter.
using System.Collections;
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RT26.TraceArgs;

public sealed class ShardLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public readonly InMemoryDataset dataset;
    public readonly ISampler sampler;
    public readonly IBatchSampler batch_sampler;

    public ShardLoader(InMemoryDataset dataset, IBatchSampler batch_sampler)
    {
        this.dataset = dataset;
        this.batch_sampler = batch_sampler;
        sampler = new SequentialSampler(dataset.Count);
    }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] indices in batch_sampler) yield return dataset.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class DdpTraining
{
    public static void Run(InMemoryDataset data, torch.nn.Module<Tensor, Tensor> model, torch.optim.Optimizer optimizer,
                           int rank, int worldSize, int epochs)
    {
        var shard = new DistributedSampler(data.Count, numReplicas: worldSize, rank: rank, seed: 17);
        var loader = new ShardLoader(data, new BatchSampler(shard, 64, dropLast: true));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            (loader.sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
            Trace.TraceInformation("rank {0} epoch {1}: batch sampler {2}", rank, epoch, loader.batch_sampler);

            double total = 0;
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = torch.nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            Trace.TraceInformation("rank {0} epoch {1}: loss {2:F4}", rank, epoch, total);
        }
    }
}
