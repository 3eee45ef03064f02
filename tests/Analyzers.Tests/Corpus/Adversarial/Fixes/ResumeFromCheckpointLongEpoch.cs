// Scenario: a resumable trainer stores its epoch as a `long` in the checkpoint and loops `for (long epoch = state.Epoch; …)`, iterating a shuffling loader without setting its epoch: wrong - CMP002 (its fix passes the loop's `long` counter to `Epochs.SetEpoch(object, int)`).
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.ResumeFromCheckpointLongEpoch;

public sealed record TrainState(long Epoch, long GlobalStep, double BestLoss);

public static class ResumableTrainer
{
    public static TrainState Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<TrainState>(File.ReadAllText(path))! : new TrainState(0, 0, double.MaxValue);

    public static void Run(string checkpoint, long totalEpochs)
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(4096, 10), ["label"] = randint(0, 10, 4096) });
        using var train = new EpochDataLoader(data, batchSize: 256, shuffle: true, seed: 31);
        var model = nn.Sequential(nn.Linear(10, 128), nn.GELU(), nn.Linear(128, 10));
        var optimizer = optim.AdamW(model.parameters(), lr: 2e-3);
        var state = Load(checkpoint);
        long step = state.GlobalStep;

        for (long epoch = state.Epoch; epoch < totalEpochs; epoch++)
        {
            double total = 0;
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                step++;
            }
            var mean = total / train.Count;
            state = new TrainState(epoch + 1, step, Math.Min(state.BestLoss, mean));
            File.WriteAllText(checkpoint, JsonSerializer.Serialize(state));
        }
    }
}
