// Scenario: a shuffling loader whose epoch is never set; just before the batch loop the pass logs one line in Debug builds and another in Release (#if DEBUG / #else / #endif): wrong - CMP002. Its fix must set the epoch in both builds, not inside the #else branch.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.IfElseDebugLogBeforeIteration;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(900, 12), ["label"] = randint(0, 4, 900) });
        using var train = new EpochDataLoader(data, batchSize: 30, shuffle: true, seed: 2024);
        var model = nn.Sequential(nn.Linear(12, 32), nn.ReLU(), nn.Linear(32, 4));
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.05);

        for (int epoch = 0; epoch < 8; epoch++)
        {
            model.train();
#if DEBUG
            Console.WriteLine($"[debug] epoch {epoch}: {train.Count} batches, checking gradients every step");
#else
            Console.WriteLine($"epoch {epoch}");
#endif
            foreach (var batch in train) //! CMP002
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
