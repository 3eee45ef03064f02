// Scenario: a TorchSharp DataLoader shuffles through an epoch-aware RandomSampler; the loop calls PlanEpoch(train, …), which hands the loader to mutually recursive Halve/Settle that only read loader.Count to plan gradient accumulation and never set the epoch — wrong, CMP002 on the iteration
using Composer.Data;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Blind20.MutualRecursionSetsNothing;

public static class AccumulatingFit
{
    public static void Run(utils.data.Dataset data, nn.Module<Tensor, Tensor> model, int epochs, int maxMicroBatches)
    {
        using var train = new DataLoader(data, 32, new RandomSampler(data.Count, seed: 42));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            int accumulate = PlanEpoch(train, epoch, maxMicroBatches);
            int micro = 0;
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]) / accumulate;
                loss.backward();
                if (++micro % accumulate == 0)
                {
                    optimizer.step();
                    optimizer.zero_grad();
                }
            }
        }
    }

    private static int PlanEpoch(DataLoader loader, int epoch, int maxMicroBatches)
    {
        int accumulate = Halve(loader, maxMicroBatches, depth: 0);
        Console.WriteLine($"epoch {epoch}: {loader.Count} batches, accumulating {accumulate}");
        return accumulate;
    }

    private static int Halve(DataLoader loader, int accumulate, int depth) =>
        accumulate <= 1 || loader.Count % accumulate == 0
            ? Settle(loader, accumulate, depth)
            : Halve(loader, accumulate / 2, depth + 1);

    private static int Settle(DataLoader loader, int accumulate, int depth) =>
        depth > 8 || accumulate <= loader.Count
            ? Math.Max(1, accumulate)
            : Halve(loader, accumulate / 2, depth + 1);
}
