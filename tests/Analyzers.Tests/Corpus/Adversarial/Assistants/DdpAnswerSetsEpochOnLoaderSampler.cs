// Scenario: an assistant's DDP answer, ported from PyTorch's `train_loader.sampler.set_epoch(epoch)`, sets the epoch through `train_loader.Sampler is DistributedSampler` on a loader that draws from a BatchSampler over the DistributedSampler — the loader's Sampler is a plain SequentialSampler, so every epoch replays epoch 0 (wrong, CMP001).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace DdpExample;

/// <summary>Hyper-parameters, as suggested in the answer.</summary>
public sealed class TrainingConfig
{
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 64;
    public double LearningRate { get; init; } = 1e-3;
    public int Seed { get; init; } = 42;
}

public static class DistributedTraining
{
    public static void Run(TrainingConfig config)
    {
        // Step 1: every rank loads the full dataset; the sampler decides which part this rank sees
        using var dataset = new FashionMnist(train: true);

        // Step 2: create the DistributedSampler (equivalent of torch.utils.data.distributed.DistributedSampler)
        //         and wrap it in a BatchSampler with drop_last=True so all ranks get the same number of batches
        using var train_loader = new EpochDataLoader(dataset,
            batchSampler: new BatchSampler(
                new DistributedSampler(dataset.Count, numReplicas: Dist.WorldSize, rank: Dist.Rank, shuffle: true, seed: config.Seed),
                config.BatchSize, dropLast: true));

        // Step 3: build the model and wrap the gradients for data-parallel training (like DDP)
        var model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(784, 256)),
            ("relu", nn.ReLU()),
            ("dropout", nn.Dropout(0.2)),
            ("fc2", nn.Linear(256, 10)));
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters(root: 0);
        var optimizer = optim.Adam(model.parameters(), config.LearningRate);
        var criterion = nn.CrossEntropyLoss();

        for (int epoch = 0; epoch < config.Epochs; epoch++)
        {
            // Step 4: IMPORTANT - set the epoch on the sampler so that shuffling is different every epoch.
            // Without this, every epoch would use the same ordering (see the PyTorch DistributedSampler docs).
            if (train_loader.Sampler is DistributedSampler sampler) sampler.SetEpoch(epoch); //! CMP001

            model.train();
            double running_loss = 0;
            long steps = 0;
            foreach (var batch in train_loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var outputs = model.call(batch["data"]);
                var loss = criterion.call(outputs, batch["label"]);
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();

                running_loss += loss.item<float>();
                steps++;
            }

            // Step 5: only print on the main process to avoid duplicated logs
            if (Dist.Rank == 0)
                Console.WriteLine($"[epoch {epoch + 1}/{config.Epochs}] loss: {running_loss / Math.Max(steps, 1):F4} ({train_loader.Count} batches/rank)");
        }
    }
}
