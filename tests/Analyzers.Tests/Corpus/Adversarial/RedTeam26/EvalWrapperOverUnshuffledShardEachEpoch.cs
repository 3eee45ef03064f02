// Scenario: validation every epoch through the user's loader, whose batch sampler is the user's non-epoch-aware `PadToFullBatches(IBatchSampler inner)` over `new BatchSampler(order, 64)` with `ISampler order = distributed ? new DistributedSampler(…, shuffle: false) : new SequentialSampler(…)`; no epoch is set for it. Right: no arm is epoch-dependent (shuffle: the constant false, SequentialSampler), so the wrapper's order is not either. Training uses Epochs.SetEpoch. No diagnostic.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RT26.EvalWrapper;

/// <summary>Repeats the last index so every batch is full (keeps all ranks in lock-step).</summary>
public sealed class PadToFullBatches : IBatchSampler
{
    private readonly IBatchSampler _inner;
    private readonly int _size;
    public PadToFullBatches(IBatchSampler inner, int size) { _inner = inner; _size = size; }
    public long Count => _inner.Count;
    public IEnumerator<long[]> GetEnumerator()
    {
        foreach (long[] b in _inner)
            yield return b.Length == _size ? b : b.Concat(Enumerable.Repeat(b[^1], _size - b.Length)).ToArray();
    }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class EvalLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public EvalLoader(InMemoryDataset dataset, IBatchSampler batchSampler) { Dataset = dataset; BatchSampler = batchSampler; }
    public InMemoryDataset Dataset { get; }
    public IBatchSampler BatchSampler { get; }
    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() => BatchSampler.Select(Dataset.GetBatch).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Loop
{
    public static void Run(EpochDataLoader train, InMemoryDataset valid, torch.nn.Module<Tensor, Tensor> model, bool distributed, int rank, int worldSize, int epochs)
    {
        var optimizer = torch.optim.Adam(model.parameters());
        ISampler order = distributed
            ? new DistributedSampler(valid.Count, numReplicas: worldSize, rank: rank, shuffle: false)
            : new SequentialSampler(valid.Count);
        var val = new EvalLoader(valid, new PadToFullBatches(new BatchSampler(order, 64), 64));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(train, epoch);
            foreach (var batch in train)
            {
                optimizer.zero_grad();
                using var loss = model.forward(batch["x"]).mean();
                loss.backward();
                optimizer.step();
            }

            using var _ = torch.no_grad();
            double sum = 0;
            foreach (var batch in val) sum += model.forward(batch["x"]).mean().item<float>();
            Console.WriteLine($"epoch {epoch}: val {sum / val.BatchSampler.Count:F4}");
        }
    }
}
