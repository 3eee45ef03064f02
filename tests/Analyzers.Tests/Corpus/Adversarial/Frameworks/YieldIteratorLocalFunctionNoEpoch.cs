// Scenario: gradient accumulation groups micro-batches with a yield-return local function that iterates a DistributedSampler loader; the epoch loop calls it every epoch and never sets the sampler's epoch (bug).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Accumulation;

public sealed class GradAccumRunner(nn.Module<Tensor, Tensor> model, int accumulationSteps)
{
    public void Run(InMemoryDataset ds, int epochs)
    {
        var sampler = new DistributedSampler(ds.Count, numReplicas: 1, rank: 0, seed: 11);
        using var loader = new EpochDataLoader(ds, batchSize: 16, sampler: sampler, disposeBatches: false);
        var optimizer = optim.Adam(model.parameters(), lr: 2e-4);

        IEnumerable<Dictionary<string, Tensor>[]> MicroBatchGroups()
        {
            var buffer = new List<Dictionary<string, Tensor>>(accumulationSteps);
            foreach (var batch in loader) //! CMP002
            {
                buffer.Add(batch);
                if (buffer.Count == accumulationSteps)
                {
                    yield return buffer.ToArray();
                    buffer.Clear();
                }
            }
            if (buffer.Count > 0) yield return buffer.ToArray();
        }

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var group in MicroBatchGroups())
            {
                optimizer.zero_grad();
                foreach (var micro in group)
                {
                    using var loss = nn.functional.mse_loss(model.call(micro["data"]), micro["target"]) / group.Length;
                    loss.backward();
                }
                optimizer.step();
                foreach (var micro in group)
                    foreach (var t in micro.Values) t.Dispose();
            }
        }
    }
}
