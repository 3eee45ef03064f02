// Scenario: the inline "new DataLoader(..., seed: BaseSeed + epoch)" in the loop was extracted into a per-epoch factory ForEpoch(data, epoch), called with the loop's epoch each pass; each epoch gets its own seed and order (right).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vision.Legacy;

public static class DigitsBaseline
{
    private const int BaseSeed = 5150;
    private const int BatchSize = 64;

    public static void Train(torch.utils.data.Dataset trainSet, torch.utils.data.Dataset testSet, int epochs)
    {
        var model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(784, 300)),
            ("relu", nn.ReLU()),
            ("fc2", nn.Linear(300, 10)));
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);
        using var test = new DataLoader(testSet, 1000, shuffle: false);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var train = ForEpoch(trainSet, epoch);
            model.train();
            foreach (var batch in train)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }

            model.eval();
            long correct = 0;
            using (torch.no_grad())
                foreach (var batch in test)
                {
                    using var scope = torch.NewDisposeScope();
                    correct += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                }
            Console.WriteLine($"epoch {epoch}: {correct}/{testSet.Count} correct");
        }
    }

    // One loader per epoch: the seed follows the epoch, so the order changes and a rerun gives the same orders.
    static DataLoader ForEpoch(torch.utils.data.Dataset data, int epoch) =>
        new DataLoader(data, BatchSize, shuffle: true, seed: BaseSeed + epoch);
}
