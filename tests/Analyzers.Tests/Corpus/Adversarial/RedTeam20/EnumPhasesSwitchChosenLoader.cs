// Scenario: PyTorch's phases loop with an enum: `foreach (var phase in Enum.GetValues<Phase>())` picks the loader with a switch expression (`Phase.Train => train, Phase.Val => val, _ => throw …`), sets the training loader's epoch before the phases loop, and iterates the chosen loader. A foreach over enum values is a phases loop (the loop around it is the epoch loop), and CMP002 "counts it as set when every arm whose order depends on the epoch is set on the pass". Correct: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam20.EnumPhasesSwitchChosenLoader;

public enum Phase { Train, Val }

public static class Program
{
    public static void Main()
    {
        var trainSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(2400, 12), ["y"] = randint(0, 3, new long[] { 2400 }) });
        var valSet = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(600, 12), ["y"] = randint(0, 3, new long[] { 600 }) });
        using var train = new EpochDataLoader(trainSet, batchSize: 48, shuffle: true, seed: 6);
        using var val = new EpochDataLoader(valSet, batchSize: 300);
        var model = nn.Sequential(("fc1", nn.Linear(12, 24)), ("act", nn.ReLU()), ("fc2", nn.Linear(24, 3)));
        var optimizer = optim.SGD(model.parameters(), 0.1);

        for (int epoch = 0; epoch < 25; epoch++)
        {
            train.SetEpoch(epoch);
            foreach (var phase in Enum.GetValues<Phase>())
            {
                var loader = phase switch
                {
                    Phase.Train => train,
                    Phase.Val => val,
                    _ => throw new InvalidOperationException($"unknown phase {phase}"),
                };
                model.train(phase == Phase.Train);
                double running = 0;
                foreach (var batch in loader)
                {
                    using var scope = NewDisposeScope();
                    var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                    if (phase == Phase.Train)
                    {
                        optimizer.zero_grad();
                        loss.backward();
                        optimizer.step();
                    }
                    running += loss.item<float>();
                }
                Console.WriteLine($"epoch {epoch} {phase}: {running:F3}");
            }
        }
    }
}
