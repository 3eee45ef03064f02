// Scenario: a static helper `Reshuffle(EpochDataLoader l, int e)` sets only `l.Sampler`'s epoch; it is called once per epoch from the loop. The helper's call is Composer's bug (CMP001 inside the helper, whose loader is a parameter); the loop itself counts as handled.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp001HelperMethodSetsOnlySampler;

public static class TrainingLoop
{
    public static void Run(EpochDataLoader train, nn.Module<Tensor, Tensor> model, optim.Optimizer opt, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Reshuffle(train, epoch);
            foreach (var batch in train)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        }
    }

    private static void Reshuffle(EpochDataLoader l, int e)
    {
        if (l.Sampler is IEpochAware s) s.SetEpoch(e); //! CMP001
    }
}
