// Scenario: TorchSharp DataLoaders: rebuilt each epoch with seed baseSeed + epoch, an unseeded shuffling probe loader, and a seeded eval loader with shuffle: false (positional, factory form); none repeats an order, correct.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Scripts.TorchSharpPort;

public static class SeedPerEpoch
{
    public static void Train(torch.utils.data.Dataset trainSet, torch.utils.data.Dataset testSet, int epochs, int baseSeed)
    {
        var model = nn.Sequential(nn.Linear(784, 300), nn.ReLU(), nn.Linear(300, 10));
        var opt = optim.Adam(model.parameters());

        // Quick look at a random batch: no seed, TorchSharp draws a fresh order.
        using (var peek = new DataLoader(trainSet, 16, shuffle: true))
        {
            var first = peek.First();
            Console.WriteLine($"peek: {string.Join("x", first["data"].shape)}");
        }

        using var test = torch.utils.data.DataLoader(testSet, 1000, false, null, 42);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            // Reproducible yet different every epoch.
            using var train = new DataLoader(trainSet, 64, shuffle: true, seed: baseSeed + epoch);
            model.train();
            foreach (var batch in train)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }

            model.eval();
            long correct = 0;
            using (no_grad())
                foreach (var batch in test)
                    correct += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().ToInt64();
            Console.WriteLine($"epoch {epoch}: {(double)correct / testSet.Count:P2}");
        }
    }
}
