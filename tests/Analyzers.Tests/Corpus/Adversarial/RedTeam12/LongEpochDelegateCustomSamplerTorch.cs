// Scenario: a TorchSharp DataLoader shuffled by a custom epoch-aware sampler with `SetEpoch(long)`; the sampler variable's setter is subscribed to an event of a custom delegate type `delegate void EpochBegan(long epoch)`, raised each epoch. The sampler the loader was built from is handed on as a delegate in the member — correct, nothing flagged.
using System.Collections;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam12.LongEpochDelegateCustomSamplerTorch;

public delegate void EpochBegan(long epoch);

public sealed class LongSeedShuffler : IEnumerable<long>
{
    private readonly long _n;
    private long _epoch;

    public LongSeedShuffler(long n) => _n = n;

    public void SetEpoch(long epoch) => _epoch = epoch;

    public IEnumerator<long> GetEnumerator()
    {
        var rng = new Random(unchecked((int)(1234 + _epoch)));
        foreach (var i in Enumerable.Range(0, (int)_n).OrderBy(_ => rng.Next())) yield return i;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class TensorRows : torch.utils.data.Dataset
{
    private readonly Tensor _x = randn(300, 4);

    public override long Count => 300;

    public override Dictionary<string, Tensor> GetTensor(long index) => new() { ["x"] = _x[index] };
}

public sealed class LongEpochTrainer
{
    public event EpochBegan? Began;

    public void Fit(long epochs)
    {
        var data = new TensorRows();
        var shuffler = new LongSeedShuffler(data.Count);
        var loader = new TorchSharp.Modules.DataLoader(data, 30, shuffler);
        Began += shuffler.SetEpoch;
        for (long epoch = 0; epoch < epochs; epoch++)
        {
            Began?.Invoke(epoch);
            foreach (var batch in loader)
            {
                _ = batch["x"].sum();
            }
        }
    }
}
