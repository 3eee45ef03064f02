// Scenario (project, loader_types = Acme.Feeds.Data.RecordFeeder): an in-house feeder exposes its records as
// Dataset (a plain list) and keeps its order in a private field _order; its epoch is set through IEpochAware,
// implemented explicitly. Epochs.SetEpoch(feeder, epoch) finds Dataset (not epoch-aware) and nothing else: it sets
// nothing. A CMP002 fix that inserts it compiles, silences the warning and leaves every epoch in epoch 0's order.
using System.Collections;
using Composer.Data;

namespace Acme.Feeds.Data;

public sealed class RecordFeeder : IEnumerable<float[]>, IEpochAware
{
    private readonly ISampler _order;

    public RecordFeeder(IReadOnlyList<float[]> records, ISampler order)
    {
        Dataset = records;
        _order = order;
    }

    public IReadOnlyList<float[]> Dataset { get; }

    void IEpochAware.SetEpoch(int epoch)
    {
        if (_order is IEpochAware aware) aware.SetEpoch(epoch);
    }

    public IEnumerator<float[]> GetEnumerator()
    {
        foreach (long index in _order) yield return Dataset[(int)index];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
