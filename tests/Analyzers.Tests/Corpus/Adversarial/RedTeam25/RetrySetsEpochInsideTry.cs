// Scenario: each epoch runs a `while (true)` retry loop whose `try` sets the epoch first (`train.SetEpoch(epoch)`), runs the batches and ends with `break;`; `catch (OutOfMemoryException) when (chunks < 64)` doubles the micro-batch count and falls through to retry the same epoch. Correct: by the README the retry loop is not an epoch loop, so the setter's epoch loop is `for (epoch …)`, whose variable it passes (no CMP004), and that pass sets the epoch (no CMP002). Nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.RetrySetsEpochInsideTry;

public static class GradientAccumulation
{
    public static void Train(Module<Tensor, Tensor> model, InMemoryDataset data, int epochs)
    {
        using var train = new EpochDataLoader(data, batchSize: 256, shuffle: true, seed: 3);
        var optimizer = optim.AdamW(model.parameters(), lr: 5e-4);
        int chunks = 1;

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            while (true)
            {
                try
                {
                    train.SetEpoch(epoch);
                    model.train();
                    foreach (var batch in train)
                    {
                        using var scope = NewDisposeScope();
                        optimizer.zero_grad();
                        var xs = batch["x"].chunk(chunks);
                        var ys = batch["y"].chunk(chunks);
                        for (int i = 0; i < xs.Length; i++)
                        {
                            var loss = functional.cross_entropy(model.call(xs[i]), ys[i]) / xs.Length;
                            loss.backward();
                        }
                        optimizer.step();
                    }
                    break;
                }
                catch (OutOfMemoryException) when (chunks < 64)
                {
                    chunks *= 2;
                    Console.Error.WriteLine($"epoch {epoch}: out of memory, retrying with {chunks} micro-batches");
                }
            }
        }
    }
}
