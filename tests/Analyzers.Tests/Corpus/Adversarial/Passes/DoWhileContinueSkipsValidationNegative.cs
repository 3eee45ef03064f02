// Scenario: a do … while loop that sets the train loader's epoch with epoch++ at the top of every pass and uses continue to skip validation on most passes; the validation loader reads in order through a SequentialSampler — right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.DoWhileContinueSkipsValidationNegative;

public static class Program
{
    public static void Main()
    {
        const int maxEpochs = 80, evalEvery = 5;
        using var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(7_500, 16), ["label"] = randn(7_500, 1) });
        using var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(1_500, 16), ["label"] = randn(1_500, 1) });

        using var train = new EpochDataLoader(trainSet, batchSize: 75, sampler: new RandomSampler(trainSet.Count, seed: 31));
        using var val = new EpochDataLoader(valSet, batchSize: 500, sampler: new SequentialSampler(valSet.Count));

        var model = nn.Sequential(("fc1", nn.Linear(16, 32)), ("act", nn.ReLU()), ("fc2", nn.Linear(32, 1)));
        var optimizer = optim.Adam(model.parameters(), lr: 2e-3);
        double best = double.MaxValue;
        bool converged = false;
        int epoch = 0;

        do
        {
            // reshuffle, then advance the counter
            train.SetEpoch(epoch++);
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.mse_loss(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            if (epoch % evalEvery != 0)
                continue;

            double mse = 0;
            using (no_grad())
            {
                foreach (var batch in val)
                    mse += nn.functional.mse_loss(model.forward(batch["data"]), batch["label"]).item<float>();
            }
            Console.WriteLine($"epoch {epoch}: val mse {mse:F4}");
            converged = mse > best * 0.999;
            best = Math.Min(best, mse);
        } while (epoch < maxEpochs && !converged);
    }
}
