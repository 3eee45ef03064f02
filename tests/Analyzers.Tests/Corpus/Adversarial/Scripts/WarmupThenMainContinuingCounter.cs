// Scenario: warm-up epochs from Enumerable.Range, then main epochs in a second loop with a long counter that starts where warm-up ended, one shared loader set each epoch (cast of the loop variable); correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Scripts.Warmup;

public static class WarmupThenMain
{
    public static void Run(InMemoryDataset data, int warmupEpochs = 3, long totalEpochs = 30)
    {
        using var train = new EpochDataLoader(data, batchSize: 256, shuffle: true, seed: 2023, dropLast: true);
        var model = nn.Sequential(nn.Linear(128, 256), nn.ReLU(), nn.Linear(256, 10));
        const double peakLr = 0.4;
        var opt = optim.SGD(model.parameters(), peakLr, momentum: 0.9, weight_decay: 5e-4);
        long stepsPerEpoch = train.Count;

        // Linear warm-up, small LR.
        long step = 0;
        foreach (var epoch in Enumerable.Range(0, warmupEpochs))
        {
            train.SetEpoch(epoch);
            foreach (var batch in train)
            {
                var lr = peakLr * (step + 1) / (warmupEpochs * stepsPerEpoch);
                foreach (var g in opt.ParamGroups) g.LearningRate = lr;
                StepOn(model, opt, batch);
                step++;
            }
        }

        // Cosine decay: the counter picks up at warmupEpochs, so every epoch gets its own order.
        for (long epoch = warmupEpochs; epoch < totalEpochs; epoch++)
        {
            Epochs.SetEpoch(train, (int)epoch);
            var progress = (double)(epoch - warmupEpochs) / (totalEpochs - warmupEpochs);
            foreach (var g in opt.ParamGroups) g.LearningRate = 0.5 * peakLr * (1 + Math.Cos(Math.PI * progress));
            foreach (var batch in train)
                StepOn(model, opt, batch);
        }
    }

    static void StepOn(nn.Module<Tensor, Tensor> model, optim.Optimizer opt, Dictionary<string, Tensor> batch)
    {
        opt.zero_grad();
        using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
        loss.backward();
        opt.step();
    }
}
