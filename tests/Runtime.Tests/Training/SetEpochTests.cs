using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

/// <summary>The trainer sets the epoch on every epoch-aware part of the train loader: no user code needed.</summary>
[Collection(TrainingCollection.Name)]
public class SetEpochTests
{
    private const int Samples = 240;

    [Fact]
    public void AClassBalancedBatchSamplerReshufflesEveryEpoch()
    {
        var labels = TrainingFixtures.Labels(Samples);
        var sampler = new ClassBalancedBatchSampler(labels, classesPerBatch: 4, samplesPerClass: 4, seed: 3);
        var seen = LabelsPerEpoch(new EpochDataLoader(TrainingFixtures.Dataset(Samples), batchSampler: sampler, disposeDataset: true), epochs: 3);

        // Exactly what the sampler yields when told each epoch, and a different order every epoch.
        var reference = new ClassBalancedBatchSampler(labels, classesPerBatch: 4, samplesPerClass: 4, seed: 3);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            reference.SetEpoch(epoch);
            Assert.Equal(reference.SelectMany(batch => batch.Select(i => labels[i])), seen[epoch]);
        }

        Assert.NotEqual(seen[0], seen[1]);
        Assert.NotEqual(seen[1], seen[2]);
    }

    [Fact]
    public void TheSamplerInsideAGivenBatchSamplerReshufflesEveryEpoch()
    {
        var labels = TrainingFixtures.Labels(Samples);
        var batchSampler = new BatchSampler(new RandomSampler(Samples, seed: 5), batchSize: 16);
        var seen = LabelsPerEpoch(new EpochDataLoader(TrainingFixtures.Dataset(Samples), batchSampler: batchSampler, disposeDataset: true), epochs: 2);

        for (int epoch = 0; epoch < 2; epoch++)
        {
            var reference = new RandomSampler(Samples, seed: 5);
            reference.SetEpoch(epoch);
            Assert.Equal(reference.Select(i => labels[i]), seen[epoch]);
        }

        Assert.NotEqual(seen[0], seen[1]);
    }

    [Fact]
    public void AShufflingLoadersSamplerReshufflesEveryEpoch()
    {
        var seen = LabelsPerEpoch(new EpochDataLoader(TrainingFixtures.Dataset(Samples), batchSize: 16, shuffle: true, seed: 9, disposeDataset: true), epochs: 2);
        Assert.NotEqual(seen[0], seen[1]);
        Assert.Equal(seen[0].Order(), seen[1].Order()); // the same samples, in another order
    }

    private static List<long>[] LabelsPerEpoch(EpochDataLoader loader, int epochs)
    {
        var seen = Enumerable.Range(0, epochs).Select(_ => new List<long>()).ToArray();
        using (loader)
        using (var model = TrainingFixtures.Mlp(0))
        using (var optimizer = optim.SGD(model.parameters(), 0.01))
        using (var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = loader,
            MaxDuration = $"{epochs}ep",
            Device = "cpu",
            Callbacks = [new RecordingCallback((e, s) =>
            {
                if (e == Event.BatchStart)
                {
                    seen[s.Timestamp.Epoch].AddRange(s.Batch!["label"].data<long>().ToArray());
                }
            })],
        }))
        {
            trainer.Fit();
        }

        return seen;
    }
}
