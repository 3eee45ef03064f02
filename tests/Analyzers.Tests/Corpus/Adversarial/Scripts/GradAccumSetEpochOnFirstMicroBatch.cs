// Scenario: gradient accumulation; the epoch is set on the first micro-batch, inside the batch loop of that same loader (one epoch late); a bug (CMP005).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Scripts.Accumulation;

public static class GradAccum
{
    public static void Train(InMemoryDataset data, int epochs = 10, int accumSteps = 8)
    {
        using var train = new EpochDataLoader(data, batchSize: 16, shuffle: true, seed: 77);
        var model = nn.Sequential(nn.Linear(300, 600), nn.ReLU(), nn.Linear(600, 20));
        var opt = optim.Adam(model.parameters(), lr: 2e-4);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            bool firstMicroBatch = true;
            int micro = 0;
            opt.zero_grad();
            foreach (var batch in train)
            {
                if (firstMicroBatch)
                {
                    train.SetEpoch(epoch); //! CMP005
                    firstMicroBatch = false;
                }

                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]) / accumSteps;
                loss.backward();
                if (++micro % accumSteps == 0)
                {
                    opt.step();
                    opt.zero_grad();
                }
            }
            if (micro % accumSteps != 0) opt.step();
        }
    }
}
