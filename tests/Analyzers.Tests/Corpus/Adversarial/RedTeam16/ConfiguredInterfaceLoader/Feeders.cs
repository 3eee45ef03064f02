// Scenario (project, loader_types = Nimbus.Data.IRowFeeder): the in-house feeder contract extends IEpochAware,
// so every feeder has SetEpoch(int) (inherited from the interface). A loop over a feeder built from a
// DistributedSampler never sets it: CMP002, and feeder.SetEpoch(epoch) is the fix; Epochs.SetEpoch would find
// no part (the order is in a private field _rows' shuffler) and set nothing.
using System.Collections;
using Composer.Data;

namespace Nimbus.Data;

public interface IRowFeeder : IEnumerable<float[]>, IEpochAware
{
    int Rows { get; }
}

public sealed class ShardRowFeeder(IReadOnlyList<float[]> rows, ISampler shuffler) : IRowFeeder
{
    public int Rows => rows.Count;

    public void SetEpoch(int epoch)
    {
        if (shuffler is IEpochAware aware) aware.SetEpoch(epoch);
    }

    public IEnumerator<float[]> GetEnumerator()
    {
        foreach (long i in shuffler) yield return rows[(int)i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
