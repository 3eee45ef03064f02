// Scenario: the loop passes the total number of epochs (parameter `epochs`) instead of the loop variable `epoch` to SetEpoch, a value that never changes: bug.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Typos;

public static class Typo
{
    public static void Fit(nn.Module<Tensor, Tensor> model, InMemoryDataset train, int epochs, int batchSize = 64)
    {
        var sampler = new DistributedSampler(train.Count, numReplicas: 1, rank: 0, seed: 8);
        using var loader = new EpochDataLoader(train, batchSize: batchSize, sampler: sampler, dropLast: true);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 10, gamma: 0.1);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            sampler.SetEpoch(epochs); //! CMP004
            double total = 0;
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            scheduler.step();
            Console.WriteLine($"epoch {epoch + 1}/{epochs}: loss {total / Math.Max(1, loader.Count):F4}");
        }
    }
}
