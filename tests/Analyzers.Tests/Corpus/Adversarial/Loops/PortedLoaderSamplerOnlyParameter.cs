// Scenario: a loader type ported from PyTorch (sampler / batch_sampler fields) reaches fit() as a parameter, and fit() sets the epoch on train_loader.sampler only: the Composer bug, the batch sampler may be custom.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Ported.Data;

public sealed class TorchStyleLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public readonly InMemoryDataset dataset;
    public readonly ISampler sampler;
    public readonly IBatchSampler batch_sampler;

    public TorchStyleLoader(InMemoryDataset dataset, int batch_size = 1, ISampler? sampler = null,
                            IBatchSampler? batch_sampler = null, bool drop_last = false)
    {
        this.dataset = dataset;
        this.sampler = sampler ?? new SequentialSampler(dataset.Count);
        this.batch_sampler = batch_sampler ?? new BatchSampler(this.sampler, batch_size, drop_last);
    }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in batch_sampler)
            yield return dataset.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Engine
{
    public static void fit(nn.Module<Tensor, Tensor> model, TorchStyleLoader train_loader, int max_epochs)
    {
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        for (int epoch = 0; epoch < max_epochs; epoch++)
        {
            if (train_loader.sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001

            foreach (var batch in train_loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                foreach (var t in batch.Values) t.Dispose();
            }
        }
    }
}
