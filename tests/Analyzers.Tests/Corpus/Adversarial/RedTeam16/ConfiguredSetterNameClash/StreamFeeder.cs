using System.Collections;
using Composer.Data;

namespace Helix.Streams;

public sealed class StreamFeeder(IReadOnlyList<float[]> rows, ISampler order) : IEnumerable<float[]>
{
    private int _skip;

    /// <summary>Skips the first <paramref name="batches"/> rows of the next pass (resume mid-epoch).</summary>
    public void Advance(int batches) => _skip = batches;

    public void SetEpoch(int epoch)
    {
        if (order is IEpochAware aware) aware.SetEpoch(epoch);
        else if (order is CurriculumSampler curriculum) curriculum.Advance(epoch);
    }

    public IEnumerator<float[]> GetEnumerator()
    {
        foreach (long index in order.Skip(_skip)) yield return rows[(int)index];
        _skip = 0;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
