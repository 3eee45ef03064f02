// Scenario: (CRLF line endings) `while (!converged)` with a comment at the end of its header, a blank line and an XML-documented helper, and a shuffling loader whose epoch is never set: wrong - CMP002. The fix turns the while into a counting for; the comment, the blank lines and the CRLF endings should stay.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.CrlfWhileUntilConverged;

public static class Program
{
    /// <summary>Trains until the validation loss stops improving.</summary>
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(300, 4), ["label"] = randint(0, 2, 300) });
        using var train = new EpochDataLoader(data, batchSize: 30, shuffle: true, seed: 8);
        var model = nn.Linear(4, 2);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.05);
        bool converged = false;
        double best = double.MaxValue;

        while (!converged) // at most a few dozen passes
        {
            // One pass over the training data.
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            double validation = Validate(model, data);
            converged = validation > best - 1e-4;
            best = Math.Min(best, validation);
        }
    }

    /// <summary>The mean loss over <paramref name="data"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="data">Held-out data.</param>
    private static double Validate(nn.Module<Tensor, Tensor> model, InMemoryDataset data)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var all = data.GetBatch(Enumerable.Range(0, (int)data.Count).Select(i => (long)i).ToArray());
        return nn.functional.cross_entropy(model.forward(all["data"]), all["label"]).item<float>();
    }
}
