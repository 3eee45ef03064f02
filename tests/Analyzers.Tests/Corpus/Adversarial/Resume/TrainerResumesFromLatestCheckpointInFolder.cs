// Scenario: a preemptible job hands resuming to the Composer-style Trainer (`LoadPath` = the run's checkpoint folder, `SaveInterval = "500ba"`), with a shuffled EpochDataLoader and no hand-written epoch loop; a callback only logs where the run picked up — right
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;

const string RunName = "fmnist-spot";
const string SaveFolder = "/mnt/ckpt/fmnist";

Reproducibility.SeedAll(42);
using var trainSet = new FashionMnist(train: true);
using var testSet = new FashionMnist(train: false);
using var trainLoader = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 42, prefetch: true);
using var testLoader = new EpochDataLoader(testSet, batchSize: 1000);

using var model = new ComposerClassifier(nn.Sequential(
    ("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 256)), ("relu", nn.ReLU()), ("fc2", nn.Linear(256, 10))));
using var optimizer = optim.Adam(model.parameters(), 1e-3);

bool hasCheckpoint = Directory.Exists(SaveFolder) && Directory.EnumerateFiles(SaveFolder, "*.ckpt").Any();

using var trainer = new Trainer(new TrainerOptions
{
    Model = model,
    Optimizer = optimizer,
    TrainLoader = trainLoader,
    EvalLoader = testLoader,
    MaxDuration = "15ep",
    EvalInterval = "1ep",
    Seed = 42,
    RunName = RunName,
    SaveFolder = SaveFolder,
    SaveInterval = "500ba",                 // lose at most 500 batches to a preemption
    SaveNumCheckpointsToKeep = 2,
    LoadPath = hasCheckpoint ? SaveFolder : null,   // the run's latest, mid-epoch included
    Callbacks = [new ResumeReporter()],
});
trainer.Fit();
Console.WriteLine($"done at {trainer.State.Timestamp}: accuracy {trainer.State.EvalMetrics["accuracy"]:F4}");

sealed class ResumeReporter : Callback
{
    public override void FitStart(State state, Logger logger)
    {
        if (state.Timestamp.Batch > 0)
            Console.WriteLine($"resumed {state.RunName} at {state.Timestamp}");
    }
}
