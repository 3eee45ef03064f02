// Scenario: a do/while loop passes its epoch counter to SetEpoch but only advances a different counter, so the epoch stays 0 on every pass: bug.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Convergence;

public static class ConvergenceLoop
{
    public static int TrainUntilConverged(InMemoryDataset data, double tolerance)
    {
        var model = nn.Sequential(("fc1", nn.Linear(32, 64)), ("tanh", nn.Tanh()), ("fc2", nn.Linear(64, 1)));
        var optimizer = optim.Adam(model.parameters(), lr: 3e-4);
        using var loader = new EpochDataLoader(data, batchSize: 256, sampler: new RandomSampler(data.Count, seed: 5));

        int epoch = 0;
        int completed = 0;
        double previous = double.MaxValue, current;
        do
        {
            loader.SetEpoch(epoch); //! CMP004
            double sum = 0;
            long count = 0;
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var prediction = model.forward(batch["data"]);
                using var loss = nn.functional.mse_loss(prediction, batch["target"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                count++;
            }
            current = sum / Math.Max(count, 1);
            Console.WriteLine($"pass {completed}: mse {current:G5}");
            completed++;
            if (Math.Abs(previous - current) < tolerance) break;
            previous = current;
        }
        while (completed < 200);

        return completed;
    }
}
