// Scenario: a DDP trainer moves batches with an extension iterator `_train.ToDevice(device)`; the train loader (a shuffling DistributedSampler, built in the constructor) never gets its epoch, the eval loader (DistributedSampler shuffle: false) needs none: a bug on train only.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Wrappers.ToDeviceExtension;

public static class BatchExtensions
{
    public static IEnumerable<Dictionary<string, Tensor>> ToDevice(this IEnumerable<Dictionary<string, Tensor>> batches, Device device)
    {
        foreach (var batch in batches)
        {
            yield return batch.ToDictionary(kv => kv.Key, kv => kv.Value.device == device ? kv.Value : kv.Value.to(device));
        }
    }
}

public sealed class DdpTrainer
{
    private readonly EpochDataLoader _train;
    private readonly EpochDataLoader _eval;
    private readonly Device _device;

    public DdpTrainer(InMemoryDataset trainSet, InMemoryDataset evalSet, Device device)
    {
        _device = device;
        _train = new EpochDataLoader(trainSet, batchSize: 64, sampler: new DistributedSampler(trainSet.Count, seed: 3), dropLast: true);
        _eval = new EpochDataLoader(evalSet, batchSize: 256, sampler: new DistributedSampler(evalSet.Count, shuffle: false));
    }

    public void Fit(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, int epochs)
    {
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            foreach (var batch in _train.ToDevice(_device)) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]).backward();
                optimizer.step();
            }

            model.eval();
            long correct = 0, seen = 0;
            using (no_grad())
            {
                foreach (var batch in _eval.ToDevice(_device))
                {
                    using var scope = NewDisposeScope();
                    correct += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                    seen += batch["label"].shape[0];
                }
            }
            Console.WriteLine($"epoch {epoch}: accuracy on this rank {(double)correct / Math.Max(1, seen):P2}");
        }
    }
}
