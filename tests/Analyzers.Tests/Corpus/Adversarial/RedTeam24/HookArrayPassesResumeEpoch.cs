// Scenario: a resumable trainer registers its epoch-start hooks in an array, but the reshuffle hook ignores the epoch it is called with and passes the resume point: `new Action<int>[] { _ => train.SetEpoch(startEpoch), e => Log(e) }`. Every epoch after resuming replays the order of `startEpoch`. Wrong: the lambda does not pass its own parameter, so it counts where it is written, before the loop, and nothing on the pass sets `train` — CMP002 (the overview: "a lambda that passes anything else ... counts where it is written").
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.HookArrayPassesResumeEpoch;

public sealed class ResumableTrainer(Module<Tensor, Tensor> model, string checkpointPath)
{
    public void Fit(InMemoryDataset data, int epochs)
    {
        int startEpoch = File.Exists(checkpointPath + ".epoch") ? int.Parse(File.ReadAllText(checkpointPath + ".epoch")) : 0;
        if (startEpoch > 0) model.load(checkpointPath);

        using var train = new EpochDataLoader(data, batchSize: 128, shuffle: true, seed: 4242);
        var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

        var onEpochStart = new Action<int>[]
        {
            _ => train.SetEpoch(startEpoch),
            e => Log($"epoch {e} (resumed from {startEpoch})"),
        };

        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            foreach (var hook in onEpochStart) hook(epoch);

            model.train();
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.call(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
            }

            model.save(checkpointPath);
            File.WriteAllText(checkpointPath + ".epoch", (epoch + 1).ToString());
        }
    }

    private static void Log(string message) => Console.WriteLine($"{DateTime.Now:HH:mm:ss} {message}");
}
