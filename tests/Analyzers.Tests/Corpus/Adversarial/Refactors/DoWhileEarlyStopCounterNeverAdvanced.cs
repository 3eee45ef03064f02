// Scenario: the fixed-length for loop became a do/while with early stopping; the epoch counter declared before it is passed to SetEpoch but never advanced (only globalStep is), so every epoch is told epoch 0 (wrong).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Sensors.Training;

public static class VibrationClassifier
{
    public static nn.Module<Tensor, Tensor> Train(InMemoryDataset trainSet, InMemoryDataset valSet, long maxSteps, int patience = 3)
    {
        var model = nn.Sequential(
            ("conv1", nn.Conv1d(3, 32, kernel_size: 5, padding: 2)),
            ("relu1", nn.ReLU()),
            ("pool", nn.AdaptiveAvgPool1d(1)),
            ("flat", nn.Flatten()),
            ("fc", nn.Linear(32, 4)));
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        using var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 77);
        using var val = new EpochDataLoader(valSet, batchSize: 256);

        int epoch = 0;
        long globalStep = 0;
        double best = double.MaxValue;
        int badEpochs = 0;
        bool stop;

        do
        {
            train.SetEpoch(epoch); //! CMP004
            model.train();
            foreach (var batch in train)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                globalStep++;
            }

            double valLoss = 0;
            model.eval();
            using (torch.no_grad())
            {
                foreach (var batch in val)
                {
                    using var scope = torch.NewDisposeScope();
                    valLoss += nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]).item<float>();
                }
            }

            if (valLoss < best - 1e-4) { best = valLoss; badEpochs = 0; }
            else badEpochs++;
            Console.WriteLine($"step {globalStep}: val loss {valLoss:F3} (best {best:F3}, {badEpochs} without improvement)");
            stop = badEpochs >= patience || globalStep >= maxSteps;
        }
        while (!stop);

        return model;
    }
}
