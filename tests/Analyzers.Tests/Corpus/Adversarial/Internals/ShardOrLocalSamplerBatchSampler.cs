// Scenario: data-parallel or single-process training picks a DistributedSampler or a RandomSampler, wraps it in a BatchSampler and never sets the epoch. Wrong: both samplers reshuffle from (seed, epoch) (CMP002 on the foreach).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.ShardOrLocalSamplerBatchSampler;

public sealed record DistributedEnv(int WorldSize, int Rank)
{
    public bool IsDistributed => WorldSize > 1;
    public static DistributedEnv FromEnvironment() => new(
        int.TryParse(Environment.GetEnvironmentVariable("WORLD_SIZE"), out var world) ? world : 1,
        int.TryParse(Environment.GetEnvironmentVariable("RANK"), out var rank) ? rank : 0);
}

public static class ImageNetStyleTraining
{
    public static void Train(nn.Module<Tensor, Tensor> model, InMemoryDataset trainSet, int epochs, int perDeviceBatch, int seed)
    {
        var env = DistributedEnv.FromEnvironment();
        var shard = new DistributedSampler(trainSet.Count, numReplicas: env.WorldSize, rank: env.Rank, seed: seed);
        var local = new RandomSampler(trainSet.Count, seed: seed);
        ISampler indices = env.IsDistributed ? shard : local;
        var batches = new BatchSampler(indices, perDeviceBatch, dropLast: true);
        using var loader = new EpochDataLoader(trainSet, batchSampler: batches, prefetch: true);

        var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9, weight_decay: 1e-4);
        var schedule = optim.lr_scheduler.StepLR(optimizer, step_size: 30, gamma: 0.1);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            long step = 0;
            foreach (var batch in loader) //! CMP002
            {
                optimizer.zero_grad();
                using var output = model.forward(batch["image"]);
                using var loss = nn.functional.cross_entropy(output, batch["label"], label_smoothing: 0.1);
                loss.backward();
                optimizer.step();
                if (++step % 100 == 0 && env.Rank == 0)
                    Console.WriteLine($"epoch {epoch} step {step}/{loader.Count}: {loss.item<float>():F4}");
            }
            schedule.step();
        }
    }
}
