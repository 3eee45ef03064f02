// Scenario: SGDR warm restarts; the in-cycle counter t restarts at 0 for the cosine learning rate, while the sampler gets a global epoch that keeps counting across restarts (advanced in the pass); checkpoint in finally: right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.Restarts;

public static class WarmRestarts
{
    public static int Train(nn.Module<Tensor, Tensor> model, InMemoryDataset data, int totalEpochs,
                            int t0 = 10, int tMult = 2, double lrMax = 0.1, double lrMin = 0.0, string? checkpoint = null)
    {
        var shard = new DistributedSampler(data.Count, seed: 31, dropLast: true);
        using var loader = new EpochDataLoader(data, batchSize: 128, sampler: shard, dropLast: true);
        using var optimizer = optim.SGD(model.parameters(), lrMax, momentum: 0.9, weight_decay: 5e-4);

        int epoch = 0;
        int period = t0;
        int restarts = 0;
        while (epoch < totalEpochs)
        {
            try
            {
                for (int t = 0; t < period && epoch < totalEpochs; t++)
                {
                    double lr = lrMin + 0.5 * (lrMax - lrMin) * (1 + Math.Cos(Math.PI * t / period));
                    foreach (var g in optimizer.ParamGroups) g.LearningRate = lr;

                    shard.SetEpoch(epoch);
                    model.train();
                    foreach (var batch in loader)
                    {
                        optimizer.zero_grad();
                        using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                        loss.backward();
                        optimizer.step();
                    }
                    epoch++;
                }
            }
            finally
            {
                if (checkpoint is not null) model.save($"{checkpoint}.restart{restarts}");
            }
            restarts++;
            period *= tMult;
        }
        return restarts;
    }
}
