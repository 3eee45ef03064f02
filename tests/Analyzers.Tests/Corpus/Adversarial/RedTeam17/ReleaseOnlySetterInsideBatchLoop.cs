// Scenario: Release builds reshuffle per epoch, Debug builds keep one order on purpose (#if !DEBUG around the setter), but the setter sits inside the batch loop: wrong in this (Release) build, one epoch late - CMP005. A fix should keep the call under its #if.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.ReleaseOnlySetterInsideBatchLoop;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(480, 6), ["label"] = randint(0, 3, 480) });
        using var loader = new EpochDataLoader(data, batchSize: 24, shuffle: true, seed: 5);
        var model = nn.Sequential(nn.Linear(6, 16), nn.Tanh(), nn.Linear(16, 3));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < 10; epoch++)
        {
            bool first = true;
            foreach (var batch in loader)
            {
                if (first)
                {
#if !DEBUG
                    // Debug builds replay epoch 0's order so that a failing batch can be found again.
                    loader.SetEpoch(epoch); //! CMP005
#endif
                    first = false;
                }
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
