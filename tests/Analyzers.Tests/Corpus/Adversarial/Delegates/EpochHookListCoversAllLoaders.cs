// Scenario: semi-supervised training registers every per-epoch hook in a List<Action<int>>: the labeled loader's SetEpoch and the RandomSampler that shuffles the TorchSharp DataLoader of unlabeled data; both loaders get their epoch (correct, no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Blind11.EpochHookListCoversAllLoaders;

public static class Program
{
    public static void Main()
    {
        var labeled = new InMemoryDataset(new Dictionary<string, Tensor>
        {
            ["data"] = randn(1024, 16),
            ["label"] = randint(0, 4, new long[] { 1024 }),
        });
        var unlabeled = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(4096, 16) });

        using var train = new EpochDataLoader(labeled, batchSize: 32, shuffle: true, seed: 21);
        var unlabeledOrder = new RandomSampler(unlabeled.Count, seed: 22);
        using var pseudo = new TorchSharp.Modules.DataLoader(unlabeled, 32, unlabeledOrder);

        var model = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 4));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        var hooks = new List<Action<int>>();
        hooks.Add(train.SetEpoch);
        hooks.Add(unlabeledOrder.SetEpoch);

        for (int epoch = 0; epoch < 10; epoch++)
        {
            hooks.ForEach(h => h(epoch));
            float threshold = epoch < 3 ? 0.99f : 0.9f;

            foreach (var (x, u) in train.Zip(pseudo))
            {
                using var scope = NewDisposeScope();
                var supervised = nn.functional.cross_entropy(model.forward(x["data"]), x["label"]);
                Tensor pseudoLoss;
                using (no_grad())
                {
                    var probs = nn.functional.softmax(model.forward(u["data"]), 1);
                    var (conf, guess) = probs.max(1);
                    var keep = conf.gt(threshold);
                    pseudoLoss = keep.any().item<bool>()
                        ? nn.functional.cross_entropy(model.forward(u["data"][keep]), guess[keep])
                        : zeros(1);
                }
                var loss = supervised + 0.5f * pseudoLoss;
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            Console.WriteLine($"epoch {epoch}");
        }
    }
}
