// Scenario: TrainEpoch(model, train, val, epoch) sets train's epoch itself and, every 100 steps inside its batch loop, scores five batches of the shuffling `val` loader (`val.Take(5)`), whose epoch nobody sets. The train loader is handled (the helper sets it on every call). The val iteration sits inside a loop of the helper (train's batch loop), and a helper's iteration counts at its call only "outside every loop and every lambda and local function of its own" (CMP002: "in a method in view only inside a loop, a lambda or a local function of that method" is not followed); inside the helper `val` is a parameter whose creation is not in view. No diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam19.QuickValInsideHelperBatchLoop;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(6000, 10), ["y"] = randint(0, 2, new long[] { 6000 }) });
        var held = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1000, 10), ["y"] = randint(0, 2, new long[] { 1000 }) });
        using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 6);
        using var val = new EpochDataLoader(held, batchSize: 64, shuffle: true, seed: 6);
        var model = nn.Sequential(("fc", nn.Linear(10, 2)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < 10; epoch++)
            TrainEpoch(model, optimizer, train, val, epoch);
    }

    static void TrainEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, EpochDataLoader train, EpochDataLoader val, int epoch)
    {
        train.SetEpoch(epoch);
        int step = 0;
        foreach (var batch in train)
        {
            using (var scope = NewDisposeScope())
            {
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
            }
            if (++step % 100 != 0) continue;
            using var noGrad = no_grad();
            var quick = val.Take(5).Average(b => nn.functional.cross_entropy(model.forward(b["x"]), b["y"]).item<float>());
            Console.WriteLine($"epoch {epoch} step {step}: quick val {quick:F4}");
        }
    }
}
