// Scenario: a generic loader base of the user's (`LoaderBase<TBatch>` with an inherited `Sampler` property) and a derived `PatchLoader` built with `new PatchLoader(data, sampler: new DistributedSampler(…))`; on resume the loop calls Epochs.SetEpoch(loader, startEpoch) every epoch. The pages: an epoch argument that the loop does not change (a start epoch set before the loop) is CMP004, on any receiver; the loader counts as set, so no CMP002.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RT26.InheritedSampler;

public abstract class LoaderBase<TBatch> : IEnumerable<TBatch>
{
    protected LoaderBase(ISampler sampler) => Sampler = sampler;
    public ISampler Sampler { get; }
    public abstract IEnumerator<TBatch> GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class PatchLoader : LoaderBase<Tensor>
{
    private readonly InMemoryDataset _data;
    public PatchLoader(InMemoryDataset data, ISampler sampler) : base(sampler) => _data = data;

    public override IEnumerator<Tensor> GetEnumerator()
    {
        foreach (long[] ids in Sampler.Chunk(8)) yield return _data.GetBatch(ids)["patch"];
    }
}

public sealed class SegmentationTrainer
{
    public void Resume(InMemoryDataset data, torch.nn.Module<Tensor, Tensor> model, int rank, int worldSize, int startEpoch, int epochs)
    {
        var optimizer = torch.optim.AdamW(model.parameters(), lr: 1e-4);
        var loader = new PatchLoader(data, sampler: new DistributedSampler(data.Count, numReplicas: worldSize, rank: rank, seed: 3));

        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(loader, startEpoch); //! CMP004
            foreach (Tensor patch in loader)
            {
                optimizer.zero_grad();
                using var loss = model.forward(patch).mean();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
