// Scenario: multi-task training: each epoch walks the task loaders (`foreach (var loader in new[] { cls, reg })`), sets each one's epoch and hands it to TrainTask(model, loader), a helper in view that iterates it once. Correct code: every loader is told the epoch before it is iterated. The iteration at the call is of the loop variable (a loop over loaders, "the loop variable of foreach (var l in loaders)" is not epoch-dependent as far as can be seen), and the setter is on the same variable on the same pass. No diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.LoopOverLoadersHelper;

public static class Program
{
    public static void Main()
    {
        var a = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(500, 8), ["y"] = randn(500, 1) });
        var b = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(300, 8), ["y"] = randn(300, 1) });
        using var cls = new EpochDataLoader(a, batchSize: 25, shuffle: true, seed: 40);
        using var reg = new EpochDataLoader(b, batchSize: 25, shuffle: true, seed: 41);
        var model = nn.Sequential(("fc", nn.Linear(8, 1)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < 4; epoch++)
        {
            foreach (var loader in new[] { cls, reg })
            {
                loader.SetEpoch(epoch);
                TrainTask(model, optimizer, loader);
            }
        }
    }

    static void TrainTask(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, EpochDataLoader loader)
    {
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]);
            loss.backward();
            optimizer.step();
        }
    }
}
