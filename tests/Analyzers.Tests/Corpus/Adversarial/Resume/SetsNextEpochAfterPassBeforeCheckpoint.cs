// Scenario: the loader's epoch is set once to the resumed start epoch before the loop, and at the end of each pass to `epoch + 1` right before the checkpoint is written, so the next pass (or a restarted job) shuffles with the next epoch — right
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Speech.Commands;

public sealed class KeywordTrainer(InMemoryDataset features, string runDir)
{
    private sealed record Checkpoint(int Epoch, double ValLoss);

    public void Train(int maxEpochs)
    {
        using var train = new EpochDataLoader(features, batchSize: 96, shuffle: true, seed: 12);
        var model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(40 * 101, 256)), ("relu", nn.ReLU()), ("drop", nn.Dropout(0.2)),
            ("fc2", nn.Linear(256, 12)));
        var optimizer = optim.Adam(model.parameters(), lr: 5e-4);

        var ckptPath = Path.Combine(runDir, "checkpoint.json");
        int start = 0;
        if (File.Exists(ckptPath))
        {
            start = JsonSerializer.Deserialize<Checkpoint>(File.ReadAllText(ckptPath))!.Epoch;
            model.load(Path.Combine(runDir, "model.bin"));
        }
        train.SetEpoch(start);

        for (int epoch = start; epoch < maxEpochs; epoch++)
        {
            model.train();
            double sum = 0;
            long n = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                n++;
            }

            // Next epoch's shuffle first, then the checkpoint that says "resume at epoch + 1".
            train.SetEpoch(epoch + 1);
            Directory.CreateDirectory(runDir);
            model.save(Path.Combine(runDir, "model.bin"));
            File.WriteAllText(ckptPath, JsonSerializer.Serialize(new Checkpoint(epoch + 1, sum / Math.Max(n, 1))));
        }
    }
}
