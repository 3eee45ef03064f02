// Scenario: timm-style training resumed from a checkpoint: a local function starts each epoch (sampler epoch, LR log), but the loop calls it with the resume epoch instead of the loop's epoch, so every resumed epoch replays one order — wrong (CMP004 on the setter inside the local function).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.TimmResumeFromCheckpoint;

public sealed class ResumableTrainer(nn.Module<Tensor, Tensor> model, string checkpointDir)
{
    private readonly optim.Optimizer _optimizer = optim.AdamW(model.parameters(), 5e-4, weight_decay: 0.05);

    public void Train(InMemoryDataset trainSet, int numEpochs, int batchSize, int seed, bool resume)
    {
        var sampler = new DistributedSampler(trainSet.Count, seed: seed);
        using var loaderTrain = new EpochDataLoader(trainSet, batchSize, sampler: sampler, dropLast: true);
        var lrScheduler = optim.lr_scheduler.CosineAnnealingLR(_optimizer, numEpochs);

        int startEpoch = 0;
        if (resume && File.Exists(Path.Combine(checkpointDir, "last.pth")))
        {
            model.load(Path.Combine(checkpointDir, "last.pth"));
            startEpoch = int.Parse(File.ReadAllText(Path.Combine(checkpointDir, "last.epoch"))) + 1;
            Console.WriteLine($"Resuming from epoch {startEpoch}");
        }

        void BeginEpoch(int e)
        {
            sampler.SetEpoch(e); //! CMP004
            Console.WriteLine($"epoch {e}: lr {_optimizer.ParamGroups.First().LearningRate:G4}");
        }

        for (int epoch = startEpoch; epoch < numEpochs; epoch++)
        {
            BeginEpoch(startEpoch);
            model.train();
            double lossSum = 0;
            int updates = 0;
            foreach (var batch in loaderTrain)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.call(batch["image"]), batch["label"]);
                _optimizer.zero_grad();
                loss.backward();
                _optimizer.step();
                lossSum += loss.item<float>();
                updates++;
            }
            lrScheduler.step();
            SaveCheckpoint(epoch, lossSum / Math.Max(updates, 1));
        }
    }

    private void SaveCheckpoint(int epoch, double loss)
    {
        Directory.CreateDirectory(checkpointDir);
        model.save(Path.Combine(checkpointDir, "last.pth"));
        File.WriteAllText(Path.Combine(checkpointDir, "last.epoch"), epoch.ToString());
        Console.WriteLine($"saved epoch {epoch} (loss {loss:F4})");
    }
}
