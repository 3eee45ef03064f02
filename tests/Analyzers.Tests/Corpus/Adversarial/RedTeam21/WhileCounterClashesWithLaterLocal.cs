// Scenario: `while (!converged)` trains a shuffling loader whose epoch is never set; after the loop the method reads the checkpoint's epoch into a local `var epoch = …`: wrong - CMP002. The fix turns the loop into `for (var epochN = 0; …)` with a name that clashes with nothing (`epoch` is taken by the later local, whose scope is the whole block).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam21.WhileCounterClashesWithLaterLocal;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(300, 4), ["target"] = randn(300, 1) });
        using var train = new EpochDataLoader(data, batchSize: 20, shuffle: true, seed: 4);
        var model = nn.Linear(4, 1);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.02);
        bool converged = false;
        double previous = double.MaxValue;

        while (!converged)
        {
            double total = 0;
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.mse_loss(model.forward(batch["data"]), batch["target"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            converged = previous - total < 1e-4;
            previous = total;
        }

        var epoch = File.Exists("last.ckpt") ? int.Parse(File.ReadAllText("last.ckpt")) : 0;
        Console.WriteLine($"checkpoint epoch {epoch}");
    }
}
