// Scenario: a resumable loop counts epochs in a `long` (`for (long e = resumed; e < total; e++)`) and calls `Epochs.SetEpoch(epoch: checked((int)resumed), loader: train)` with its arguments named in the other order: wrong (the resume epoch on every pass) - CMP004. The fix changes the epoch argument only, keeping `checked` and the cast: `checked((int)e)`.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam21.ResumeLongStepNamedEpochsArguments;

public static class Program
{
    public static void Main(string[] args)
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(240, 5), ["label"] = randint(0, 2, 240) });
        using var train = new EpochDataLoader(data, batchSize: 24, shuffle: true, seed: 99);
        var model = nn.Linear(5, 2);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.03);
        long resumed = args.Length > 0 ? long.Parse(args[0]) : 0L;
        const long total = 12;

        for (long e = resumed; e < total; e++)
        {
            Epochs.SetEpoch(epoch: checked((int)resumed), loader: train); //! CMP004
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
