using System.Collections;
using Composer.Data;

namespace Lumen.Rec.Data;

public sealed record ClickEvent(long UserId, long ItemId, float Dwell);

/// <summary>
/// Streams interaction events in mini-batches, in the order of an index sampler (a RandomSampler for
/// training, a SequentialSampler for replay).
/// </summary>
public sealed class EventStream<TEvent> : IEnumerable<IReadOnlyList<TEvent>>
{
    private readonly IReadOnlyList<TEvent> _events;
    private readonly ISampler _order;
    private readonly int _batchSize;

    public EventStream(IReadOnlyList<TEvent> events, ISampler order, int batchSize)
    {
        _events = events;
        _order = order;
        _batchSize = batchSize;
    }

    public int BatchSize => _batchSize;

    public void SetEpoch(int epoch) => (_order as IEpochAware)?.SetEpoch(epoch);

    public IEnumerator<IReadOnlyList<TEvent>> GetEnumerator()
    {
        foreach (long[] ids in _order.Chunk(_batchSize))
            yield return ids.Select(i => _events[(int)i]).ToArray();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Config-driven helpers used by the training scripts.</summary>
public static class StreamControl
{
    public static void SetEpoch<TEvent>(EventStream<TEvent> stream, int epoch) => stream.SetEpoch(epoch);

    public static EventStream<ClickEvent> Shuffled(IReadOnlyList<ClickEvent> events, int seed, int batchSize) =>
        new(events, new RandomSampler(events.Count, seed: seed), batchSize);
}
