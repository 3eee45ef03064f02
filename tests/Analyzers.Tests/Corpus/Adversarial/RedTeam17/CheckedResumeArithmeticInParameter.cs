// Scenario: a resume helper that takes its checkpoint state as an `in` parameter, reads it through a `ref readonly` local, and passes `checked(start + epoch)` and `unchecked((int)(globalStep / stepsPerEpoch))` (the step advances in the batch loop) to SetEpoch: the epoch changes on every pass: no finding.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.CheckedResumeArithmeticInParameter;

public readonly record struct ResumeState(int StartEpoch, long GlobalStep, int StepsPerEpoch);

public static class Resume
{
    public static void Run(InMemoryDataset data, in ResumeState state, int epochs, long maxSteps)
    {
        using var train = new EpochDataLoader(data, batchSize: 16, shuffle: true, seed: 3);
        var model = nn.Linear(6, 2);
        var optimizer = optim.Adam(model.parameters(), lr: 5e-4);
        ref readonly var s = ref state;

        for (int epoch = 0; checked(s.StartEpoch + epoch) < epochs; epoch++)
        {
            train.SetEpoch(checked(s.StartEpoch + epoch));
            foreach (var batch in train) Step(batch);
        }

        long globalStep = s.GlobalStep;
        while (globalStep < maxSteps)
        {
            train.SetEpoch(unchecked((int)(globalStep / s.StepsPerEpoch)));
            foreach (var batch in train)
            {
                Step(batch);
                if (++globalStep >= maxSteps) break;
            }
        }

        void Step(Dictionary<string, Tensor> batch)
        {
            using var scope = NewDisposeScope();
            var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }

    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(160, 6), ["label"] = randint(0, 2, 160) });
        Run(data, new ResumeState(2, 20, 10), 5, 60);
    }
}
