// Scenario: a port of old C-style code restarts each epoch with `goto nextEpoch` and sets the epoch with the constant 0 before iterating; there is no for/foreach/while/do loop around the iteration, so no epoch loop: not reported by any rule (the rules define epoch loops as loops; the replayed order is out of their reach).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.GotoRestartEpochLabel;

public static class LegacyTrainer
{
    public static void Run(InMemoryDataset data, int epochs)
    {
        using var loader = new EpochDataLoader(data, batchSize: 20, shuffle: true, seed: 6);
        var model = nn.Linear(3, 1);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.01);
        int epoch = 0;

    nextEpoch:
        loader.SetEpoch(0);
        double total = 0;
        using (var it = loader.GetEnumerator())
        {
        nextBatch:
            if (!it.MoveNext()) goto endOfEpoch;
            using (var scope = NewDisposeScope())
            {
                var loss = nn.functional.mse_loss(model.forward(it.Current["data"]), it.Current["target"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            goto nextBatch;
        }

    endOfEpoch:
        Console.WriteLine($"epoch {epoch}: {total:F4}");
        if (++epoch < epochs) goto nextEpoch;
    }

    public static void Main() =>
        Run(new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(100, 3), ["target"] = randn(100, 1) }), 5);
}
