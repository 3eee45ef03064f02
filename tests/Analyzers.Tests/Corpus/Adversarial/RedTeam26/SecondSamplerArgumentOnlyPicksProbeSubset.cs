// Scenario: the user's curriculum loader takes two sampler-typed arguments: `sampler:` a SequentialSampler (rows are pre-sorted easy→hard) and `probe:` a RandomSampler used once, in the constructor, to pick a fixed 256-row probe subset; the epoch loop sets no epoch. By the pages the loader is epoch-dependent all the same: "for your own type, any argument of an epoch-aware type or of the runtime's ISampler/IBatchSampler" (the RandomSampler is such a value), so the iteration is CMP002 (the pages do not ask which argument is the order).
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RT26.ProbeSubset;

public sealed class CurriculumLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _pool;

    public CurriculumLoader(InMemoryDataset pool, ISampler sampler, ISampler? probe = null, int batchSize = 64)
    {
        _pool = pool;
        Sampler = sampler;
        BatchSize = batchSize;
        ProbeRows = probe is null ? [] : probe.Take(256).ToArray();
    }

    public ISampler Sampler { get; }
    public int BatchSize { get; }
    public long[] ProbeRows { get; }

    public Dictionary<string, Tensor> ProbeBatch() => _pool.GetBatch(ProbeRows);

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] ids in Sampler.Chunk(BatchSize)) yield return _pool.GetBatch(ids);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class CurriculumRun
{
    public static void Train(InMemoryDataset sortedPool, torch.nn.Module<Tensor, Tensor> model, int epochs)
    {
        var optimizer = torch.optim.SGD(model.parameters(), 0.02);
        var loader = new CurriculumLoader(sortedPool,
            sampler: new SequentialSampler(sortedPool.Count),
            probe: new RandomSampler(sortedPool.Count, seed: 0));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in loader) //! CMP002
            {
                optimizer.zero_grad();
                using var loss = model.forward(batch["x"]).mean();
                loss.backward();
                optimizer.step();
            }
            using (torch.no_grad())
                Console.WriteLine($"epoch {epoch}: probe {model.forward(loader.ProbeBatch()["x"]).mean().item<float>():F4}");
        }
    }
}
