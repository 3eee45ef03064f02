// Scenario: a function builds its loader from a BatchSampler over a DistributedSampler and sets the epoch through `loader.Sampler is IEpochAware`: a bug, Sampler is a sequential sampler here.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Ddp.Functions;

public static class BatchedDdp
{
    public static void Train(InMemoryDataset dataset, nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 2e-4);
        var distributed = new DistributedSampler(dataset.Count, seed: 99, dropLast: true);
        using var loader = new EpochDataLoader(dataset, batchSampler: new BatchSampler(distributed, 64, dropLast: true));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.Sampler is IEpochAware aware) aware.SetEpoch(epoch); //! CMP001

            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var logits = model.forward(batch["data"]);
                var loss = nn.functional.cross_entropy(logits, batch["label"], label_smoothing: 0.1);
                optimizer.zero_grad();
                loss.backward();
                nn.utils.clip_grad_norm_(model.parameters(), 1.0);
                optimizer.step();
            }
        }
    }
}
