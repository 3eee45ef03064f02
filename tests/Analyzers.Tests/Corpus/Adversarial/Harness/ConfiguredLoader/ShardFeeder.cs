// Scenario (a project with an .editorconfig): an in-house loader with no Sampler member, named in
// composer_analyzers.loader_types; its epoch method StartEpoch is named in composer_analyzers.epoch_setters.
using System.Collections;
using Composer.Data;

namespace Harness.ConfiguredLoader;

public sealed class ShardFeeder(IReadOnlyList<float[]> rows, ISampler order) : IEnumerable<float[]>
{
    public void StartEpoch(int epoch)
    {
        if (order is IEpochAware aware) aware.SetEpoch(epoch);
    }

    public IEnumerator<float[]> GetEnumerator()
    {
        foreach (long index in order) yield return rows[(int)index];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
