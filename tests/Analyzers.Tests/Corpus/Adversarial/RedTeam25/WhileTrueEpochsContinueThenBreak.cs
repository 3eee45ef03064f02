// Scenario: a `while (true)` training loop with an epoch counter ends each pass with `if (++epoch < epochs) continue; break;` and never sets the loader's epoch. Its body ends with `break`, but the `continue` outside any `catch` makes passes of its own. Wrong: the README says such a loop "makes passes of its own, and it stays a loop like any other" (its own example), so it is the epoch loop and nothing sets the epoch: CMP002.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RedTeam25.WhileTrueEpochsContinueThenBreak;

public static class SentimentTraining
{
    public static double Train(Module<Tensor, Tensor> model, InMemoryDataset reviews, InMemoryDataset heldOut, int epochs)
    {
        using var train = new EpochDataLoader(reviews, batchSize: 32, shuffle: true, seed: 12);
        using var val = new EpochDataLoader(heldOut, batchSize: 128);
        var optimizer = optim.Adam(model.parameters(), lr: 2e-5);
        int epoch = 0;
        double accuracy = 0;

        while (true)
        {
            try
            {
                model.train();
                foreach (var batch in train) //! CMP002
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = functional.binary_cross_entropy_with_logits(model.call(batch["tokens"]).squeeze(-1), batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
            }
            catch (LoaderWorkerException ex)
            {
                Console.Error.WriteLine($"epoch {epoch}: {ex.Message}");
                throw;
            }

            accuracy = Evaluate(model, val);
            Console.WriteLine($"epoch {epoch}: accuracy {accuracy:P1}");
            if (++epoch < epochs) continue;
            break;
        }
        return accuracy;
    }

    private static double Evaluate(Module<Tensor, Tensor> model, EpochDataLoader val)
    {
        model.eval();
        using var noGrad = no_grad();
        long correct = 0, seen = 0;
        foreach (var batch in val)
        {
            using var scope = NewDisposeScope();
            var predicted = model.call(batch["tokens"]).squeeze(-1).gt(0);
            correct += predicted.eq(batch["label"].gt(0.5)).sum().item<long>();
            seen += batch["label"].shape[0];
        }
        return seen == 0 ? 0 : (double)correct / seen;
    }
}
