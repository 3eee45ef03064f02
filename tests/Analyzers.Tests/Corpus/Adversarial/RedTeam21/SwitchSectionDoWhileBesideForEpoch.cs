// Scenario: a `switch` on the schedule name: one section runs `for (int epoch = 0; …)`, another `do { … } while (loss > target)` with no counter, whose pass sets the loader's epoch to the constant 0: wrong - CMP004 (the `for` section is right). The fix declares a counter in the `do` section; `epoch` is taken in the switch block, so it must take another name.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam21.SwitchSectionDoWhileBesideForEpoch;

public static class Program
{
    public static void Main(string[] args)
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(280, 4), ["target"] = randn(280, 1) });
        using var train = new EpochDataLoader(data, batchSize: 28, shuffle: true, seed: 13);
        var model = nn.Linear(4, 1);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.01);
        double loss;

        switch (args.FirstOrDefault() ?? "fixed")
        {
            case "fixed":
                for (int epoch = 0; epoch < 10; epoch++)
                {
                    train.SetEpoch(epoch);
                    loss = Pass();
                }
                break;
            case "until":
                do
                {
                    train.SetEpoch(0); //! CMP004
                    loss = Pass();
                } while (loss > 0.8);
                break;
        }

        double Pass()
        {
            double total = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var l = nn.functional.mse_loss(model.forward(batch["data"]), batch["target"]);
                optimizer.zero_grad();
                l.backward();
                optimizer.step();
                total += l.item<float>();
            }
            return total;
        }
    }
}
