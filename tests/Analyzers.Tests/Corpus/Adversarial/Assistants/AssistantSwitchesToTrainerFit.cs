// Scenario: asked "how do I make sure my data is reshuffled every epoch?", the assistant replaces the hand-written loop with the runtime's Trainer (`TrainLoader = trainLoader` with `shuffle: true`, `MaxDuration = "20ep"`, EarlyStopper); the trainer sets the loader's epoch itself and there is no epoch loop in the user's code (right, no diagnostic).
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionWithTrainer;

public static class Program
{
    public static int Main()
    {
        try
        {
            // 1) Reproducibility: seeds torch, the initial weights and the loader's shuffling
            Reproducibility.SeedAll(42);

            // 2) Data. No need to call SetEpoch yourself: the Trainer does it at the start of every epoch.
            using var trainSet = new FashionMnist(train: true);
            using var testSet = new FashionMnist(train: false);
            using var trainLoader = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 42, workers: 2);
            using var testLoader = new EpochDataLoader(testSet, batchSize: 1000);

            // 3) Model + optimizer
            using var model = new ComposerClassifier(nn.Sequential(
                ("flatten", nn.Flatten()),
                ("fc1", nn.Linear(784, 256)),
                ("relu", nn.ReLU()),
                ("drop", nn.Dropout(0.25)),
                ("fc2", nn.Linear(256, 10))));
            using var optimizer = optim.Adam(model.parameters(), 1e-3);

            // 4) Trainer: evaluation every epoch, stop when accuracy stops improving
            using var trainer = new Trainer(new TrainerOptions
            {
                Model = model,
                Optimizer = optimizer,
                TrainLoader = trainLoader,
                EvalLoader = testLoader,
                MaxDuration = "20ep",
                EvalInterval = "1ep",
                Schedulers = [new CosineAnnealingWithWarmupScheduler("200ba")],
                Seed = 42,
                Callbacks = [new EarlyStopper("accuracy", patience: 3)],
                Loggers = [new ProgressBarLogger()],
            });

            trainer.Fit();
            Console.WriteLine($"Final test accuracy: {trainer.State.EvalMetrics["accuracy"]:P2}");
            return 0;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"Training failed: {ex}");
            return 1;
        }
    }
}
