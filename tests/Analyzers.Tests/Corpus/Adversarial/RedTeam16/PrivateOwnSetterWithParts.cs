// Scenario: a ported loader keeps a private SetEpoch for its own resume logic and exposes its parts; a callback
// sets loader.sampler only: CMP001 (and a loop that never sets it: CMP002). Epochs.SetEpoch(loader, epoch) reaches
// the parts; a fix that calls the private SetEpoch does not compile.
using System.Collections;
using Composer.Data;
using static TorchSharp.torch;

namespace RedTeam16.PrivateOwnSetterWithParts;

public sealed class PortedLoader : IEnumerable<Dictionary<string, Tensor>>
{
    private readonly InMemoryDataset _data;
    private int _resumeEpoch = -1;

    public PortedLoader(InMemoryDataset data, IBatchSampler batchSampler)
    {
        _data = data;
        sampler = new SequentialSampler(data.Count);
        batch_sampler = batchSampler;
    }

    public ISampler sampler { get; }

    public IBatchSampler batch_sampler { get; }

    public void Resume(int epoch) => SetEpoch(epoch);

    private void SetEpoch(int epoch)
    {
        _resumeEpoch = epoch;
        if (batch_sampler is IEpochAware aware) aware.SetEpoch(epoch);
    }

    public int ResumeEpoch => _resumeEpoch;

    public IEnumerator<Dictionary<string, Tensor>> GetEnumerator()
    {
        foreach (var indices in batch_sampler) yield return _data.GetBatch(indices);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class Training
{
    public static void OnEpochStart(PortedLoader loader, int epoch)
    {
        (loader.sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
    }

    public static int Fit(InMemoryDataset data, IReadOnlyList<long> labels, int epochs)
    {
        var loader = new PortedLoader(data, new ClassBalancedBatchSampler(labels, 8, 4, seed: 3));
        int n = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
            foreach (var batch in loader) n++; //! CMP002
        return n;
    }
}
