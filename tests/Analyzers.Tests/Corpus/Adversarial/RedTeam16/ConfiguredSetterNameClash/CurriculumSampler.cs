// Scenario (project, epoch_setters = Advance for the curriculum sampler's Advance(int round)): the in-house
// StreamFeeder also has Advance(int batches), a resume fast-forward declared before its SetEpoch(int epoch).
// A loop never sets the epoch: CMP002. Its fix should call feeder.SetEpoch(epoch), not feeder.Advance(epoch)
// (which would skip `epoch` batches and leave the order at epoch 0).
using System.Collections;
using Composer.Data;

namespace Helix.Streams;

public sealed class CurriculumSampler(long length, int seed) : ISampler
{
    private readonly RandomSampler _inner = new(length, seed);
    public long Count => _inner.Count;
    public void Advance(int round) => _inner.SetEpoch(round);
    public IEnumerator<long> GetEnumerator() => _inner.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
