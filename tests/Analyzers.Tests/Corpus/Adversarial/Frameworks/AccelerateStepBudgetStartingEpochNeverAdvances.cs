// Scenario: a port of Accelerate's no_trainer script trains to max_train_steps in a while loop after a resume and sets the loader's epoch to the starting epoch computed before the loop, which never advances (bug).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace PortedAccelerate.NoTrainer;

public sealed record NoTrainerArgs(int PerDeviceBatchSize, int MaxTrainSteps, int ResumeStep, double LearningRate, int Seed);

public static class RunGlue
{
    public static void Train(NoTrainerArgs args, InMemoryDataset trainDataset)
    {
        torch.manual_seed(args.Seed);
        using var trainDataloader = new EpochDataLoader(trainDataset, batchSize: args.PerDeviceBatchSize, shuffle: true, seed: args.Seed);
        var model = nn.Sequential(("pre", nn.Linear(64, 256)), ("act", nn.Tanh()), ("cls", nn.Linear(256, 2)));
        var optimizer = optim.AdamW(model.parameters(), lr: args.LearningRate);
        var scheduler = optim.lr_scheduler.LinearLR(optimizer, 1.0, 0.0, args.MaxTrainSteps);

        long stepsPerEpoch = trainDataloader.Count;
        int startingEpoch = (int)(args.ResumeStep / stepsPerEpoch);
        int completedSteps = args.ResumeStep;

        while (completedSteps < args.MaxTrainSteps)
        {
            model.train();
            trainDataloader.SetEpoch(startingEpoch); //! CMP004
            foreach (var batch in trainDataloader)
            {
                using var logits = model.call(batch["data"]);
                using var loss = nn.functional.cross_entropy(logits, batch["label"]);
                loss.backward();
                optimizer.step();
                scheduler.step();
                optimizer.zero_grad();
                completedSteps++;
                if (completedSteps >= args.MaxTrainSteps) break;
            }
        }
    }
}
