using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

namespace Composer.Runtime.Tests.Training;

[Collection(TrainingCollection.Name)]
public class MemoryTests
{
    [Fact]
    public void LiveTensorCountDoesNotGrowOverEpochs()
    {
        // Tensors other tests left to the garbage collector would otherwise be finalized mid-run and lower the count.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var model = TrainingFixtures.Mlp(2);
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        using var train = new EpochDataLoader(TrainingFixtures.Dataset(512), batchSize: 32, shuffle: true, disposeDataset: true);
        using var eval = new EpochDataLoader(TrainingFixtures.Dataset(256), batchSize: 64, disposeDataset: true);
        var liveAfterEval = new List<long>();
        using var trainer = new Trainer(new()
        {
            Model = model,
            Optimizer = optimizer,
            TrainLoader = train,
            EvalLoader = eval,
            MaxDuration = "5ep",
            GradAccumSteps = 2,
            Schedulers = [new CosineAnnealingScheduler()],
            Device = "cpu",
            Callbacks = [new RecordingCallback((e, s) => { if (e == Event.EvalEnd) { liveAfterEval.Add(Tensor.TotalCount); } })],
        });
        trainer.Fit();

        // One evaluation per epoch; each ends with exactly as many tensors alive as after the first epoch.
        Assert.Equal(5, liveAfterEval.Count);
        Assert.All(liveAfterEval, live => Assert.Equal(liveAfterEval[0], live));
    }
}
