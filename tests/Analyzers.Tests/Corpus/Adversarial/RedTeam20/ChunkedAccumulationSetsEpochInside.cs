// Scenario: gradient accumulation over `train.Chunk(4)` (LINQ straight on the loader), with the epoch set lazily on the first group of micro-batches — one epoch late. CMP005: "inside the iteration: in the body of a foreach over L … or LINQ on L": CMP005 on the setter.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam20.ChunkedAccumulationSetsEpochInside;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["x"] = randn(4096, 24), ["y"] = randint(0, 8, new long[] { 4096 }) });
        using var train = new EpochDataLoader(data, batchSize: 16, shuffle: true, seed: 77);
        var model = nn.Sequential(("fc1", nn.Linear(24, 64)), ("act", nn.ReLU()), ("fc2", nn.Linear(64, 8)));
        var optimizer = optim.AdamW(model.parameters(), lr: 1e-3);
        const int accumulate = 4;

        for (int epoch = 0; epoch < 12; epoch++)
        {
            bool first = true;
            foreach (var group in train.Chunk(accumulate))
            {
                if (first)
                {
                    train.SetEpoch(epoch); //! CMP005
                    first = false;
                }
                optimizer.zero_grad();
                foreach (var micro in group)
                {
                    using var scope = NewDisposeScope();
                    (nn.functional.cross_entropy(model.forward(micro["x"]), micro["y"]) / accumulate).backward();
                }
                optimizer.step();
            }
        }
    }
}
