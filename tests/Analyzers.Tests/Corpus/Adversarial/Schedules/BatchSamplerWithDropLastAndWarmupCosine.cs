// Scenario: warmup+cosine LR per batch (LambdaLR) on a loader built from a BatchSampler, with dropLast: true also passed to the loader — wrong (CMP006 once: the batch sampler decides the batches); Epochs.SetEpoch per epoch is right
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.Audio;

public sealed class GenreClassifierTraining
{
    private readonly int _epochs;
    private readonly int _warmupSteps;

    public GenreClassifierTraining(int epochs = 30, int warmupSteps = 500)
    {
        _epochs = epochs;
        _warmupSteps = warmupSteps;
    }

    public void Run(InMemoryDataset spectrograms, InMemoryDataset heldOut)
    {
        var device = torch.cuda.is_available() ? CUDA : CPU;
        var batches = new BatchSampler(new RandomSampler(spectrograms.Count, seed: 4), 32);
        using var train = new EpochDataLoader(spectrograms, batchSampler: batches, dropLast: true, device: device); //! CMP006
        using var val = new EpochDataLoader(heldOut, batchSize: 128, dropLast: false, device: device);

        var model = nn.Sequential(
            ("conv1", nn.Conv2d(1, 16, 3, padding: 1)), ("bn1", nn.BatchNorm2d(16)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(16, 32, 3, padding: 1)), ("bn2", nn.BatchNorm2d(32)), ("relu2", nn.ReLU()), ("pool2", nn.AdaptiveAvgPool2d(1)),
            ("flatten", nn.Flatten()), ("fc", nn.Linear(32, 10)));
        model.to(device);
        var optimizer = torch.optim.AdamW(model.parameters(), 2e-3, weight_decay: 0.01);
        long totalSteps = _epochs * batches.Count;
        var schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, step =>
            step < _warmupSteps
                ? (step + 1) / (double)_warmupSteps
                : 0.5 * (1 + Math.Cos(Math.PI * (step - _warmupSteps) / (double)(totalSteps - _warmupSteps))));

        for (int epoch = 0; epoch < _epochs; epoch++)
        {
            Epochs.SetEpoch(train, epoch);
            model.train();
            foreach (var batch in train)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                schedule.step();
            }

            model.eval();
            long correct = 0;
            using (torch.no_grad())
                foreach (var batch in val)
                    correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
            Console.WriteLine($"epoch {epoch}: val acc {(double)correct / heldOut.Count:P1}, lr {schedule.get_last_lr().First():E2}");
            model.save($"genre_epoch{epoch:D2}.bin");
        }
    }
}
