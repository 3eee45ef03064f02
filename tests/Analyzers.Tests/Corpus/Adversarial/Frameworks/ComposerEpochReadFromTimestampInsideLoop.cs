// Scenario: a Composer-style loop keeps a Timestamp in its own clock object, runs while Timestamp.Epoch is below the max, and each pass reads the epoch into a local declared inside the loop before setting it (correct).
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PortedComposer.Clock;

public sealed class TrainClock
{
    public Timestamp Timestamp { get; set; } = new(0, 0, 0, 0);
}

public sealed class ClockedLoop(nn.Module<Tensor, Tensor> model, int maxEpochs)
{
    public TrainClock Clock { get; } = new();

    public void Fit(InMemoryDataset ds, IReadOnlyList<long> labels)
    {
        using var train = new EpochDataLoader(ds, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 4, samplesPerClass: 8, seed: 21));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        while (Clock.Timestamp.Epoch < maxEpochs)
        {
            int epoch = Clock.Timestamp.Epoch;
            Epochs.SetEpoch(train, epoch);
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                Clock.Timestamp = Clock.Timestamp.AfterBatch(batch["label"].shape[0]);
            }
            Clock.Timestamp = Clock.Timestamp.AfterEpoch();
        }
    }
}
