// Scenario: a loader built from a ClassBalancedBatchSampler is disposed in a finally block; the loop calls Epochs.SetEpoch(loader, epoch) and only logs the Sampler's type: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Cleanup;

public static class BalancedWithCleanup
{
    public static void Train(FashionMnist images, nn.Module<Tensor, Tensor> model, int epochs)
    {
        var labels = images.Columns["label"].data<long>().ToArray();
        var loader = new EpochDataLoader(images, batchSampler: new ClassBalancedBatchSampler(labels, 5, 12, seed: 8));
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        try
        {
            Console.WriteLine($"sampler: {loader.Sampler.GetType().Name}, batch sampler: {loader.BatchSampler.GetType().Name}");
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                Epochs.SetEpoch(loader, epoch);
                foreach (var batch in loader)
                {
                    using var scope = NewDisposeScope();
                    var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }
        }
        finally
        {
            loader.Dispose();
            optimizer.Dispose();
        }
    }
}
