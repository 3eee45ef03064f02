// Scenario: (CRLF line endings) the epoch is set inside the batch loop, under the first-batch guard, right after a block of batch tracing compiled only with TRACE_BATCHES: wrong (one epoch late) - CMP005. The fix must move the call and leave the tracing code where it was.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.TraceBatchesBlockAboveSetter;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(640, 10), ["label"] = randint(0, 2, 640) });
        var shard = new DistributedSampler(data.Count, numReplicas: 1, rank: 0, seed: 17);
        using var loader = new EpochDataLoader(data, batchSize: 32, sampler: shard);
        var model = nn.Linear(10, 2);
        var optimizer = optim.Adam(model.parameters(), lr: 3e-4);

        for (int epoch = 0; epoch < 6; epoch++)
        {
            int step = 0;
            foreach (var batch in loader)
            {
#if TRACE_BATCHES
                // Dump the first indices of every batch to compare runs across machines.
                Console.WriteLine($"epoch {epoch} step {step}: {batch["label"].ToString(TensorStringStyle.Numpy)}");
#endif
                if (step == 0) loader.SetEpoch(epoch); //! CMP005
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                step++;
            }
        }
    }
}
