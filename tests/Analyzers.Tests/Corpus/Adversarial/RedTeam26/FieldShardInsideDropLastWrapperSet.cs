// Scenario: a trainer class keeps `_shard` (a DistributedSampler) and `_loader = new ImageLoader(data, new DropLastBatches(new BatchSampler(_shard, 32)))` in its constructor; each epoch it calls `_shard.SetEpoch(epoch)` before iterating. Right: the pages count "a setter on a variable that L was built from … or a variable used inside them (the sampler inside a batch sampler)", and at run time the shard is the order. No diagnostic.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RT26.FieldShard;

public sealed class DropLastBatches : IBatchSampler
{
    private readonly IBatchSampler _inner;
    public DropLastBatches(IBatchSampler inner) => _inner = inner;
    public long Count => _inner.Count - 1;
    public IEnumerator<long[]> GetEnumerator() => _inner.Take((int)Count).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class ImageLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _images;
    public ImageLoader(InMemoryDataset images, IBatchSampler batchSampler) { _images = images; BatchSampler = batchSampler; }
    public IBatchSampler BatchSampler { get; }
    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() => BatchSampler.Select(_images.GetBatch).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class ClassifierTrainer
{
    private readonly DistributedSampler _shard;
    private readonly ImageLoader _loader;
    private readonly torch.nn.Module<Tensor, Tensor> _model;

    public ClassifierTrainer(InMemoryDataset images, torch.nn.Module<Tensor, Tensor> model, int rank, int worldSize)
    {
        _model = model;
        _shard = new DistributedSampler(images.Count, numReplicas: worldSize, rank: rank, seed: 42);
        _loader = new ImageLoader(images, new DropLastBatches(new BatchSampler(_shard, 32)));
    }

    public void Train(int epochs)
    {
        var optimizer = torch.optim.SGD(_model.parameters(), 0.1, momentum: 0.9);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _shard.SetEpoch(epoch);
            foreach (var batch in _loader)
            {
                optimizer.zero_grad();
                using var loss = torch.nn.functional.cross_entropy(_model.forward(batch["image"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
