// Scenario: the corrected version of an assistant's DDP answer: "Step 4: tell the whole loader the epoch" with `Epochs.SetEpoch(train_loader, epoch)` in a `foreach (var epoch in Enumerable.Range(...))` loop, and a non-shuffling evaluation loader (DistributedSampler with shuffle: false) read every epoch without an epoch (right, no diagnostic).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace DdpExampleFixed;

public static class DistributedTraining
{
    public static void Run(int num_epochs = 10, int batch_size = 64, int seed = 42)
    {
        // Step 1: datasets (every rank reads the full files)
        using var train_set = new FashionMnist(train: true);
        using var eval_set = new FashionMnist(train: false);

        // Step 2: distributed batch sampler for training, a plain sharded sampler for evaluation
        using var train_loader = new EpochDataLoader(train_set,
            batchSampler: new BatchSampler(new DistributedSampler(train_set.Count, shuffle: true, seed: seed), batch_size, dropLast: true));
        using var eval_loader = new EpochDataLoader(eval_set, batchSize: 500,
            sampler: new DistributedSampler(eval_set.Count, shuffle: false));

        // Step 3: model, gradient averaging across ranks, optimizer
        var model = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10));
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();
        var optimizer = optim.Adam(model.parameters(), 1e-3);

        foreach (var epoch in Enumerable.Range(0, num_epochs))
        {
            // Step 4: tell the WHOLE loader the epoch. Setting it on train_loader.Sampler would not work here:
            // with a batch sampler, Sampler is a SequentialSampler, and the BatchSampler is what needs the epoch.
            Epochs.SetEpoch(train_loader, epoch);

            model.train();
            foreach (var batch in train_loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
            }

            // Step 5: evaluate on this rank's shard, then sum the counts over all ranks
            model.eval();
            using var counts = torch.zeros(2, ScalarType.Float64);
            using (no_grad())
            {
                foreach (var batch in eval_loader)
                {
                    using var scope = NewDisposeScope();
                    var correct = model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().to_type(ScalarType.Float64);
                    counts[0].add_(correct);
                    counts[1].add_(batch["label"].shape[0]);
                }
            }
            Dist.AllReduce(counts);

            if (Dist.Rank == 0)
                Console.WriteLine($"epoch {epoch + 1}/{num_epochs}: eval accuracy {counts[0].item<double>() / counts[1].item<double>():P2}");
        }
    }
}
