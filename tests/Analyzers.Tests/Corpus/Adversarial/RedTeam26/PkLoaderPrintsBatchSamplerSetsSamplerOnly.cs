// Scenario: a P×K loader ported from PyTorch (`sampler`/`batch_sampler` properties, built with batch_sampler: new ClassBalancedBatchSampler(…)); each epoch the user prints the batch sampler with Console.WriteLine(loader.batch_sampler) and sets only loader.sampler. The pages (this session): printing is "not … handing on" — "not to .NET's printing and checks, such as Console.WriteLine(loader.BatchSampler)" — so CMP001 on the sampler setter.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RT26.PkPrint;

public sealed class PkLoader : IEnumerable<Dictionary<string, Tensor>>
{
    public PkLoader(InMemoryDataset dataset, IBatchSampler? batch_sampler = null, ISampler? sampler = null)
    {
        this.dataset = dataset;
        this.sampler = sampler ?? new SequentialSampler(dataset.Count);
        this.batch_sampler = batch_sampler ?? new BatchSampler(this.sampler, 64);
    }

    public InMemoryDataset dataset { get; }
    public ISampler sampler { get; }
    public IBatchSampler batch_sampler { get; }

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (long[] ids in batch_sampler) yield return dataset.GetBatch(ids);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class TripletTraining
{
    public static void Run(InMemoryDataset faces, IReadOnlyList<long> identities, torch.nn.Module<Tensor, Tensor> embedder, int epochs)
    {
        var optimizer = torch.optim.Adam(embedder.parameters(), 3e-4);
        var loader = new PkLoader(faces, batch_sampler: new ClassBalancedBatchSampler(identities, classesPerBatch: 16, samplesPerClass: 4, seed: 21));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Console.WriteLine(loader.batch_sampler);
            if (loader.sampler is IEpochAware aware) aware.SetEpoch(epoch); //! CMP001
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                var emb = torch.nn.functional.normalize(embedder.forward(batch["pixels"]), dim: 1);
                using var loss = emb.matmul(emb.t()).mean();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
