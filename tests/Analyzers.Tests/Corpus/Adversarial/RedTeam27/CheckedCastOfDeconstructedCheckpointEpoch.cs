// Scenario: a resume reads `(long startEpoch, long globalStep)` by deconstructing a checkpoint header, runs `for (long epoch = startEpoch; …)`, and tells the loader `Epochs.SetEpoch(train, checked((int)startEpoch))`. Wrong: the start epoch is set once, before the loop, and the loop neither declares nor changes it, so every resumed epoch replays one order. CMP004 page: "a start epoch set before the loop" is flagged, and "Casts, `checked` and parentheses around the argument" are judged the same way (the fix keeps them: `checked((int)epoch)`). The deconstruction before the loop is no change by the loop. CMP004 at the setter.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam27.CheckedStart;

public static class Resume
{
    static (long Epoch, long Step) ReadHeader(string path)
    {
        if (!File.Exists(path)) return (0, 0);
        var parts = File.ReadAllText(path).Split(',');
        return (long.Parse(parts[0]), long.Parse(parts[1]));
    }

    public static void Continue(EpochDataLoader train, nn.Module<Tensor, Tensor> model, string runDir, long totalEpochs)
    {
        var (startEpoch, globalStep) = ReadHeader(Path.Combine(runDir, "header.txt"));
        var optimizer = optim.Adam(model.parameters(), lr: 2e-4);
        Console.WriteLine($"resuming at epoch {startEpoch}, step {globalStep}");

        for (long epoch = startEpoch; epoch < totalEpochs; epoch++)
        {
            Epochs.SetEpoch(train, checked((int)startEpoch)); //! CMP004
            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                globalStep++;
            }
            File.WriteAllText(Path.Combine(runDir, "header.txt"), $"{epoch + 1},{globalStep}");
        }
    }

    public static void Demo()
    {
        using var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(512, 8), ["label"] = randn(512, 1) });
        using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 5);
        var model = nn.Sequential(nn.Linear(8, 16), nn.Tanh(), nn.Linear(16, 1));
        Continue(train, model, "runs/latest", 30);
    }
}
