// Scenario: the PyTorch-tutorial phases loop in modern C# — `foreach (var phase in Enum.GetValues<Phase>())` with a switch expression choosing between the shuffling train loader and the sequential validation loader; `train.SetEpoch(epoch)` runs once per epoch before the phases — correct, nothing to report.
using System.Diagnostics;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Modern.Phases;

public enum Phase { Train, Validate }

public sealed class PhasedTrainer(Module<Tensor, Tensor> model, optim.Optimizer optimizer)
{
    public Dictionary<Phase, List<double>> History { get; } = new() { [Phase.Train] = [], [Phase.Validate] = [] };

    public void Fit(InMemoryDataset trainSet, InMemoryDataset valSet, int epochs)
    {
        using var train = new EpochDataLoader(trainSet, batchSize: 32, shuffle: true, seed: 0);
        using var val = new EpochDataLoader(valSet, batchSize: 128);

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            train.SetEpoch(epoch);

            foreach (var phase in Enum.GetValues<Phase>())
            {
                var loader = phase switch
                {
                    Phase.Train => train,
                    Phase.Validate => val,
                    _ => throw new UnreachableException(),
                };
                model.train(phase is Phase.Train);

                double running = 0;
                long seen = 0;
                foreach (var batch in loader)
                {
                    using var scope = NewDisposeScope();
                    using var grad = set_grad_enabled(phase is Phase.Train);
                    optimizer.zero_grad();
                    var loss = functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                    if (phase is Phase.Train)
                    {
                        loss.backward();
                        optimizer.step();
                    }
                    running += loss.item<float>() * batch["label"].shape[0];
                    seen += batch["label"].shape[0];
                }

                History[phase].Add(running / Math.Max(seen, 1));
                Console.WriteLine($"epoch {epoch} {phase,-8} loss {History[phase][^1]:F4}");
            }
        }
    }
}
