// Scenario: "train until the loss is low enough": the epoch loop's condition calls TrainEpoch(model, train), and nothing sets the shuffling loader's epoch. The condition of a while loop runs on every pass (only "a foreach's collection expression and a for loop's initializer" run once), so the call is an iteration of `train` in that loop, which makes it the epoch loop: CMP002 on the loader argument. No fix is offered: "the iteration is not inside a statement of the loop body (in the loop's condition, say)". The do-while below does the same in its condition with a second shuffling loader: CMP002 there too.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.WhileConditionHelper;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(800, 4), ["y"] = randn(800, 1) });
        var extra = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(200, 4), ["y"] = randn(200, 1) });
        using var train = new EpochDataLoader(data, batchSize: 40, shuffle: true, seed: 8);
        using var finetune = new EpochDataLoader(extra, batchSize: 20, sampler: new RandomSampler(extra.Count, seed: 8));
        var model = nn.Sequential(("fc", nn.Linear(4, 1)));
        var optimizer = optim.Adam(model.parameters(), lr: 5e-3);

        int epochs = 0;
        while (TrainEpoch(model, optimizer, train) > 0.05 && epochs < 200) //! CMP002
        {
            epochs++;
        }
        Console.WriteLine($"converged after {epochs} epochs");

        int rounds = 0;
        do
        {
            rounds++;
        }
        while (TrainEpoch(model, optimizer, finetune) > 0.01 && rounds < 20); //! CMP002
    }

    static double TrainEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, EpochDataLoader loader)
    {
        double sum = 0;
        long n = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]);
            loss.backward();
            optimizer.step();
            sum += loss.item<float>();
            n++;
        }
        return sum / Math.Max(n, 1);
    }
}
