// Scenario: a step-based loop derives epoch = step / stepsPerEpoch and sets it on the loader each time it opens a new enumerator; right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.StepBasedEpochFromGlobalStep;

public sealed class StepTrainer
{
    private readonly nn.Module<Tensor, Tensor> _model = nn.Linear(16, 4);
    private readonly optim.Optimizer _optimizer;

    public StepTrainer() => _optimizer = optim.AdamW(_model.parameters(), lr: 3e-4);

    public static InMemoryDataset MakeData(int n) => new(new Dictionary<string, Tensor>
    {
        ["x"] = randn(n, 16),
        ["y"] = randint(0, 4, new long[] { n }),
    });

    public void Train(InMemoryDataset data, long totalSteps, int seed, int logEvery = 100)
    {
        var loader = new EpochDataLoader(data, batchSize: 64, shuffle: true, dropLast: true, seed: seed);
        long stepsPerEpoch = loader.Count;
        IEnumerator<Dictionary<string, Tensor>>? batches = null;
        try
        {
            for (long step = 0; step < totalSteps; step++)
            {
                if (step % stepsPerEpoch == 0)
                {
                    // A new epoch starts at every multiple of stepsPerEpoch.
                    int epoch = (int)(step / stepsPerEpoch);
                    loader.SetEpoch(epoch);
                    batches?.Dispose();
                    batches = loader.GetEnumerator();
                }

                if (!batches!.MoveNext())
                    throw new InvalidOperationException($"Loader ran dry at step {step}.");

                double loss = TrainStep(batches.Current);
                if (step % logEvery == 0)
                    Console.WriteLine($"step {step} (epoch {step / stepsPerEpoch}): loss {loss:F4}");
            }
        }
        finally
        {
            batches?.Dispose();
        }
    }

    private double TrainStep(Dictionary<string, Tensor> batch)
    {
        _optimizer.zero_grad();
        using var logits = _model.forward(batch["x"]);
        using var loss = nn.functional.cross_entropy(logits, batch["y"]);
        loss.backward();
        _optimizer.step();
        return loss.item<float>();
    }
}
