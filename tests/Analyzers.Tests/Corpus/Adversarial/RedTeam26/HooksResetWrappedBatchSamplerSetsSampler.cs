// Scenario: a Lightning-style module hands the user's loader's batch sampler (the user's `ShuffleWindows(IBatchSampler inner)` over a BatchSampler over a RandomSampler) to a callbacks interface each epoch, `_callbacks.OnEpochStart(epoch, loader.BatchSampler)`, and also sets loader.Sampler. Right by the pages: "L.BatchSampler handed on where its epoch may get set: passed as an argument to a method not in view (hooks.Reset(L.BatchSampler))" handles it for CMP001 and CMP002. No diagnostic.
using System.Collections;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RT26.HooksReset;

public interface IEpochCallbacks
{
    void OnEpochStart(int epoch, IBatchSampler batches);
}

public sealed class ShuffleWindows : IBatchSampler
{
    private readonly IBatchSampler _inner;
    public ShuffleWindows(IBatchSampler inner) => _inner = inner;
    public long Count => _inner.Count;
    public IEnumerator<long[]> GetEnumerator() => _inner.Chunk(8).SelectMany(w => w.AsEnumerable().Reverse()).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class AudioLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _clips;
    public AudioLoader(InMemoryDataset clips, IBatchSampler batchSampler)
    {
        _clips = clips;
        BatchSampler = batchSampler;
        Sampler = new SequentialSampler(clips.Count);
    }
    public ISampler Sampler { get; }
    public IBatchSampler BatchSampler { get; }
    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator() => BatchSampler.Select(_clips.GetBatch).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class KeywordSpotter
{
    private readonly IEpochCallbacks _callbacks;
    public KeywordSpotter(IEpochCallbacks callbacks) => _callbacks = callbacks;

    public void Fit(InMemoryDataset clips, torch.nn.Module<Tensor, Tensor> net, int epochs)
    {
        var optimizer = torch.optim.Adam(net.parameters());
        var loader = new AudioLoader(clips, new ShuffleWindows(new BatchSampler(new RandomSampler(clips.Count, seed: 77), 32)));
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            (loader.Sampler as IEpochAware)?.SetEpoch(epoch);
            _callbacks.OnEpochStart(epoch, loader.BatchSampler);
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = net.forward(batch["mfcc"]).mean();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
