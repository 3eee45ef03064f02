// Scenario: resuming a run from its last checkpoint; the while loop advances epoch but the user passes the resume epoch read before the loop to SetEpoch, so every resumed epoch repeats one order — wrong (CMP004)
using System.Text.Json;
using Composer.Data;
using Composer.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Lab.LongRuns;

public sealed record RunState(int Epoch, double BestLoss);

public static class ResumableRun
{
    public static void Main(string[] args)
    {
        string dir = args.Length > 0 ? args[0] : "runs/mlp-resume";
        Directory.CreateDirectory(dir);
        string statePath = Path.Combine(dir, "state.json");
        string weightsPath = Path.Combine(dir, "model.bin");
        int maxEpochs = 60;

        Reproducibility.SeedAll(11);
        using var data = new FashionMnist(train: true);
        var train = new EpochDataLoader(data, batchSize: 256, shuffle: true, seed: 11);

        var model = Sequential(("flat", Flatten()), ("fc1", Linear(784, 400)), ("relu", ReLU()), ("fc2", Linear(400, 10)));
        var opt = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

        int resumeEpoch = 0;
        double bestLoss = double.PositiveInfinity;
        if (File.Exists(statePath) && File.Exists(weightsPath))
        {
            var saved = JsonSerializer.Deserialize<RunState>(File.ReadAllText(statePath))!;
            model.load(weightsPath);
            resumeEpoch = saved.Epoch + 1;
            bestLoss = saved.BestLoss;
            Console.WriteLine($"resuming at epoch {resumeEpoch} (best loss so far {bestLoss:F4})");
        }

        int epoch = resumeEpoch;
        while (epoch < maxEpochs)
        {
            train.SetEpoch(resumeEpoch); //! CMP004
            model.train();
            double sum = 0; int steps = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                opt.zero_grad();
                loss.backward();
                opt.step();
                sum += loss.item<float>();
                steps++;
            }

            double epochLoss = sum / steps;
            bestLoss = Math.Min(bestLoss, epochLoss);
            model.save(weightsPath);
            File.WriteAllText(statePath, JsonSerializer.Serialize(new RunState(epoch, bestLoss)));
            Console.WriteLine($"epoch {epoch}: {epochLoss:F4}");
            epoch++;
        }
    }
}
