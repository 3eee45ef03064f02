// Scenario: an expression-bodied epoch-start hook `=> (_loader.Sampler as IEpochAware)?.SetEpoch(epoch);` on a loader field assigned from a constructor parameter (bug: CMP001).
using Composer.Data;

namespace RedTeam.A.Cmp001ExpressionBodiedCallbackField;

public sealed class SamplerEpochCallback
{
    private readonly EpochDataLoader _loader;

    public SamplerEpochCallback(EpochDataLoader loader)
    {
        _loader = loader ?? throw new ArgumentNullException(nameof(loader));
    }

    public void OnEpochStart(int epoch) => (_loader.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
}
