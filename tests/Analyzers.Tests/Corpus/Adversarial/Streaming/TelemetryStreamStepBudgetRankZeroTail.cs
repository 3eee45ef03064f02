// Scenario: a data-parallel model trains on a very long telemetry table cut into epochs of StepsPerEpoch batches; every rank sets the loader's epoch at the top of the pass, and only afterwards does `if (Dist.Rank != 0) continue;` leave rank 0 alone for checkpoints — right: the rank guard comes after the setter, so every rank reshuffles.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Telemetry;

public static class LongStreamTraining
{
    const int StepsPerEpoch = 1_500;

    public static void Run(string tableFile, long maxSteps)
    {
        Dist.Initialize();
        var table = torch.load(tableFile);   // [rows, 33]: 32 readings and the fault flag
        using var rows = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = table[.., ..32].contiguous(),
            ["label"] = table[.., 32].contiguous(),
        });
        using var train = new EpochDataLoader(rows, batchSize: 512, shuffle: true, seed: 77, dropLast: true);

        var model = nn.Sequential(("fc1", nn.Linear(32, 64)), ("relu", nn.ReLU()), ("fc2", nn.Linear(64, 1)));
        var optimizer = optim.Adam(model.parameters(), 5e-4);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        long step = 0;
        for (int epoch = 0; step < maxSteps; epoch++)
        {
            train.SetEpoch(epoch);
            double total = 0;
            int used = 0;
            foreach (var batch in train.Take(StepsPerEpoch))
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.binary_cross_entropy_with_logits(model.call(batch["data"]).squeeze(-1), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
                total += loss.item<float>();
                used++;
                if (++step == maxSteps) break;
            }

            if (Dist.Rank != 0) continue;    // the rest is rank 0's: logging and checkpoints
            Console.WriteLine($"epoch {epoch} (step {step}): {total / Math.Max(used, 1):F4}");
            model.save($"runs/telemetry/step{step}.dat");
        }
    }
}
