// Scenario: a two-stream trainer tests both loaders' samplers in one condition and sets each through its pattern variable (`if (real.Sampler is IEpochAware r && fake.Sampler is IEpochAware f) { … }`); both loaders arrive as parameters and may draw from batch samplers: wrong - CMP001 twice. A fix must not leave one loader's call guarded by the other loader's sampler test.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam17.TwoSamplerPatternsOneIf;

public sealed class TwoStreamTrainer(nn.Module<Tensor, Tensor> critic)
{
    public void Fit(EpochDataLoader real, EpochDataLoader fake, int epochs)
    {
        var optimizer = optim.Adam(critic.parameters(), lr: 2e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (real.Sampler is IEpochAware r && fake.Sampler is IEpochAware f)
            {
                r.SetEpoch(epoch); //! CMP001
                f.SetEpoch(epoch); //! CMP001
            }
            foreach (var (a, b) in real.Zip(fake))
            {
                using var scope = NewDisposeScope();
                var loss = critic.forward(b["data"]).mean() - critic.forward(a["data"]).mean();
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
