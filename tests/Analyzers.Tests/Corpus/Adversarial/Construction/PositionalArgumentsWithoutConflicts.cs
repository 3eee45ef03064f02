// Scenario: Positional EpochDataLoader arguments that the runtime accepts: (data, 64, true) with no sampler, (data, 1, false, null, batches) with a batch sampler, and (data, 256) for evaluation; both train loaders' epochs are set (negative).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Positional;

public static class TwoHeadTraining
{
    public static void Run(InMemoryDataset clean, InMemoryDataset noisy, InMemoryDataset test, int epochs)
    {
        long[] noisyLabels = noisy.Columns["label"].data<long>().ToArray();
        var balanced = new ClassBalancedBatchSampler(noisyLabels, 10, 8, 77);

        using var cleanLoader = new EpochDataLoader(clean, 64, true);
        using var noisyLoader = new EpochDataLoader(noisy, 1, false, null, balanced);
        using var testLoader = new EpochDataLoader(test, 256);

        var trunk = nn.Sequential(("flatten", nn.Flatten()), ("fc", nn.Linear(784, 256)), ("act", nn.ReLU()));
        var cleanHead = nn.Linear(256, 10);
        var noisyHead = nn.Linear(256, 10);
        var optimizer = optim.Adam(trunk.parameters().Concat(cleanHead.parameters()).Concat(noisyHead.parameters()), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            cleanLoader.SetEpoch(epoch);
            balanced.SetEpoch(epoch);
            foreach (var (a, b) in cleanLoader.Zip(noisyLoader))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var lossClean = nn.functional.cross_entropy(cleanHead.forward(trunk.forward(a["data"])), a["label"]);
                var lossNoisy = nn.functional.cross_entropy(noisyHead.forward(trunk.forward(b["data"])), b["label"]);
                (lossClean + 0.3 * lossNoisy).backward();
                optimizer.step();
            }

            long correct = 0;
            using (no_grad())
            {
                foreach (var batch in testLoader)
                {
                    using var scope = NewDisposeScope();
                    correct += cleanHead.forward(trunk.forward(batch["data"])).argmax(1).eq(batch["label"]).sum().item<long>();
                }
            }
            Console.WriteLine($"epoch {epoch}: test accuracy {(double)correct / test.Count:P2}");
        }
    }
}
