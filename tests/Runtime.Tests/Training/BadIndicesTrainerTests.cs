using System.Collections;
using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

/// <summary>A batch sampler with an index outside the data set, given to the trainer: a clear exception, not IndexOutOfRangeException or a C++ trace.</summary>
[Collection(TrainingCollection.Name)]
public class BadIndicesTrainerTests
{
    /// <summary>Batches 0..3, 4..7, …, with one index past the data set's end in the last batch.</summary>
    private sealed class OneIndexTooFar(int samples) : IBatchSampler
    {
        public long Count => samples / 4;

        public IEnumerator<long[]> GetEnumerator() =>
            Enumerable.Range(0, samples).Select(i => i == samples - 1 ? (long)samples : i).Chunk(4).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void AnEvalLoaderWithAnIndexOutsideItsDataSetIsRefusedByTheConstructor()
    {
        using var model = TrainingFixtures.Mlp(1);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(16), batchSampler: new OneIndexTooFar(16), disposeDataset: true);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = TrainingFixtures.Batches(16, 8), EvalLoader = eval, Device = "cpu" }));
        Assert.Equal("EvalLoader", e.ParamName);
        Assert.Equal(16L, e.ActualValue);
        Assert.Contains("yields index 16, outside the dataset's 16 samples (indices 0 to 15)", e.Message);
    }

    [Fact]
    public void ATrainLoaderWithAnIndexOutsideItsDataSetFailsAtThatBatchNamingTheBatchSampler()
    {
        using var model = TrainingFixtures.Mlp(1);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        using var train = new EpochDataLoader(TrainingFixtures.Dataset(16), batchSampler: new OneIndexTooFar(16), disposeDataset: true);
        using var trainer = new Trainer(new() { Model = model, Optimizer = optimizer, TrainLoader = train, Device = "cpu" });
        var e = Assert.Throws<ArgumentOutOfRangeException>(trainer.Fit);
        Assert.Equal("batchSampler", e.ParamName);
        Assert.Contains("yielded index 16 in batch 3", e.Message);
        Assert.Equal(3, trainer.State.Timestamp.Batch); // the three good batches trained
    }
}
