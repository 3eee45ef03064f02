// Scenario: `while (true)` with a `break` on the validation score and no counter calls `Begin()`, a local function `void Begin(int e = 0) => shard.SetEpoch(e);` declared before the loop, leaving `e` to its default: wrong (epoch 0 on every pass) - CMP004 on the setter. The page: the `while` becomes `for (var epoch = 0; ; epoch++)` and the call becomes `Begin(e: epoch)`.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam21.WhileTrueBeginLocalFunctionDefault;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(360, 5), ["label"] = randint(0, 3, 360) });
        var shard = new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: 6);
        using var train = new EpochDataLoader(data, batchSize: 36, sampler: shard);
        var model = nn.Linear(5, 3);
        var optimizer = optim.Adam(model.parameters(), lr: 5e-3);

        void Begin(int e = 0) => shard.SetEpoch(e); //! CMP004

        while (true)
        {
            Begin();
            double correct = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var logits = model.forward(batch["data"]);
                var loss = nn.functional.cross_entropy(logits, batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                correct += logits.argmax(1).eq(batch["label"]).sum().item<long>();
            }
            if (correct / data.Count > 0.9) break;
        }
    }
}
