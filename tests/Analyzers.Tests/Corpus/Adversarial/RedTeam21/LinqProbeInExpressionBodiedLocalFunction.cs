// Scenario: a hand-kept `epoch` counter drives `while (epoch < epochs)`; each pass calls `TrainEpoch()`, an expression-bodied local function declared after the loop that runs the batches through `train.Select((b, i) => { if (i == 0) train.SetEpoch(epoch); … }).Average()`: the epoch is set inside the iteration, one epoch late - CMP005. The fix must move the call before the iteration, on the same pass; a statement placed before the local function's declaration (after the loop) would run once, after training.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam21.LinqProbeInExpressionBodiedLocalFunction;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(256, 8), ["target"] = randn(256, 1) });
        using var train = new EpochDataLoader(data, batchSize: 32, shuffle: true, seed: 17);
        var model = nn.Linear(8, 1);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.05);
        const int epochs = 6;
        int epoch = 0;

        while (epoch < epochs)
        {
            double loss = TrainEpoch();
            Console.WriteLine($"epoch {epoch}: mean loss {loss:F4}");
            epoch++;
        }

        double TrainEpoch() => train.Select((batch, i) =>
        {
            if (i == 0) train.SetEpoch(epoch); //! CMP005
            using var scope = NewDisposeScope();
            var loss = nn.functional.mse_loss(model.forward(batch["data"]), batch["target"]);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            return (double)loss.item<float>();
        }).Average();
    }
}
