// Scenario: OneCycle LR stepped per batch over train.Select((b, i) => (b, i)), with the shard sampler's SetEpoch(epoch) done at i == 0 inside that loop — wrong (the loader's order is fixed before the first batch)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.Timeseries;

public static class ForecastTraining
{
    public static void Run(InMemoryDataset windows, int epochs = 25, int logEvery = 50)
    {
        var shard = new DistributedSampler(windows.Count, seed: 3);
        using var train = new EpochDataLoader(windows, batchSize: 64, sampler: shard);

        // 48 past steps x 6 features -> next 12 steps of the target
        var model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(48 * 6, 256)), ("gelu", nn.GELU()),
            ("fc2", nn.Linear(256, 12)));
        var optimizer = torch.optim.AdamW(model.parameters(), 1e-3);
        var oneCycle = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr: 3e-3, epochs: epochs, steps_per_epoch: (int)train.Count);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            double mae = 0;
            foreach (var (batch, i) in train.Select((b, i) => (b, i)))
            {
                if (i == 0)
                    shard.SetEpoch(epoch); //! CMP005

                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var pred = model.forward(batch["data"]);
                var loss = nn.functional.smooth_l1_loss(pred, batch["label"]);
                loss.backward();
                optimizer.step();
                oneCycle.step();

                mae += (pred - batch["label"]).abs().mean().item<float>();
                if ((i + 1) % logEvery == 0)
                    Console.WriteLine($"epoch {epoch} step {i + 1}: mae {mae / (i + 1):F4}, lr {oneCycle.get_last_lr().First():E2}");
            }
            model.save($"forecast_epoch{epoch:D2}.bin");
        }
    }
}
