// Scenario: an EpochClock class with a primary constructor captures the loader it is given (`class EpochClock(EpochDataLoader loader)`) and its `Epoch` property's set accessor calls `loader.SetEpoch(value)`; the training loop builds `var clock = new EpochClock(train)` and assigns `clock.Epoch = epoch` on every pass. Correct: assigning a property whose set accessor is in view is a call of it, and a method in view on an object built around `train` that sets the captured primary-constructor parameter sets `train` (rules overview). Nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam24.PrimaryCtorEpochClockSetter;

public sealed class EpochClock(EpochDataLoader loader)
{
    private int _epoch;
    private DateTime _started = DateTime.UtcNow;

    public int Epoch
    {
        get => _epoch;
        set
        {
            _epoch = value;
            _started = DateTime.UtcNow;
            loader.SetEpoch(value);
        }
    }

    public TimeSpan Elapsed => DateTime.UtcNow - _started;
}

public static class SpeechCommands
{
    public static void Train(Module<Tensor, Tensor> model, InMemoryDataset clips, int epochs)
    {
        using var train = new EpochDataLoader(clips, batchSize: 128, shuffle: true, seed: 2024, dropLast: true);
        var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9, nesterov: true);
        var scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, epochs);
        var clock = new EpochClock(train);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            clock.Epoch = epoch;
            model.train();
            double sum = 0;
            int steps = 0;

            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.call(batch["spectrogram"]), batch["label"], label_smoothing: 0.1);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                steps++;
            }

            scheduler.step();
            Console.WriteLine($"epoch {epoch}: loss {sum / Math.Max(steps, 1):F3} in {clock.Elapsed.TotalSeconds:F0}s");
        }
    }
}
