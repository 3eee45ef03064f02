// Scenario: both loaders set their epoch at the first batch, one epoch late. For `train` the setter sits in a helper method called inside the batch loop: "An epoch set by calling a helper method inside the iteration (`BeginEpoch(loader, epoch)`), even one in the same file" is not flagged (documented limit, no marker despite the bug). For `aux` it sits in a local function called inside aux's iteration, which CMP005 follows ("or in a local function or stored lambda called there"): CMP005 on aux.SetEpoch(e). No CMP002: both passes set the epoch.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Heldout23.Cmp005HelperInBatchLoop;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4000, 16), ["y"] = randn(4000, 1) });
        var auxData = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(1000, 16), ["y"] = randn(1000, 1) });
        using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 10);
        using var aux = new EpochDataLoader(auxData, batchSize: 64, sampler: new RandomSampler(auxData.Count, seed: 10));

        var model = nn.Sequential(("fc1", nn.Linear(16, 32)), ("act", nn.ReLU()), ("fc2", nn.Linear(32, 1)));
        var optimizer = optim.RMSProp(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < 10; epoch++)
        {
            var step = 0;
            foreach (var batch in train)
            {
                if (step == 0) BeginEpoch(train, epoch);
                Step(model, optimizer, batch, weight: 1.0);
                step++;
            }

            var first = true;
            foreach (var batch in aux)
            {
                if (first) { SyncAux(epoch); first = false; }
                Step(model, optimizer, batch, weight: 0.3);
            }
        }

        void SyncAux(int e) => aux.SetEpoch(e); //! CMP005
    }

    static void BeginEpoch(EpochDataLoader loader, int epoch)
    {
        loader.SetEpoch(epoch);
        Console.WriteLine($"epoch {epoch}: {loader.Count} batches");
    }

    static void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Dictionary<string, Tensor> batch, double weight)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.mse_loss(model.forward(batch["x"]), batch["y"]) * weight;
        loss.backward();
        optimizer.step();
    }
}
