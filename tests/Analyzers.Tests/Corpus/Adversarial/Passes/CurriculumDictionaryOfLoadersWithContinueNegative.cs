// Scenario: curriculum training over a dictionary of shuffled stage loaders inside while (!allMastered); the inner loop over the loaders skips mastered stages with continue and sets each remaining loader's epoch before iterating it — right.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind10.CurriculumDictionaryOfLoadersWithContinueNegative;

public static class Program
{
    static InMemoryDataset Stage(int n, float noise) =>
        new(new Dictionary<string, Tensor> { ["data"] = randn(n, 12) * noise, ["label"] = randint(0, 3, new long[] { n }) });

    public static void Main()
    {
        var stages = new Dictionary<string, EpochDataLoader>
        {
            ["easy"] = new(Stage(3_000, 0.5f), batchSize: 50, shuffle: true, seed: 10, disposeDataset: true),
            ["medium"] = new(Stage(3_000, 1.0f), batchSize: 50, shuffle: true, seed: 11, disposeDataset: true),
            ["hard"] = new(Stage(3_000, 2.0f), batchSize: 50, sampler: new RandomSampler(3_000, seed: 12), disposeDataset: true),
        };
        var model = nn.Sequential(("fc1", nn.Linear(12, 24)), ("act", nn.ReLU()), ("fc2", nn.Linear(24, 3)));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var mastered = new HashSet<string>();
        int epoch = 0;

        while (mastered.Count < stages.Count && epoch < 100)
        {
            foreach (var (name, loader) in stages)
            {
                if (mastered.Contains(name))
                    continue;

                // a new order for this stage
                loader.SetEpoch(epoch);
                double correct = 0, seen = 0;
                foreach (var batch in loader)
                {
                    using var scope = NewDisposeScope();
                    var logits = model.forward(batch["data"]);
                    var loss = nn.functional.cross_entropy(logits, batch["label"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    correct += logits.argmax(1).eq(batch["label"]).sum().item<long>();
                    seen += batch["label"].shape[0];
                }
                if (correct / seen > 0.9)
                    mastered.Add(name);
            }
            epoch++;
        }

        foreach (var loader in stages.Values)
            loader.Dispose();
    }
}
