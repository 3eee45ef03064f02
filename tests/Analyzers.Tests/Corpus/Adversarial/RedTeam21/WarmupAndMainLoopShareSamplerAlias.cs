// Scenario: a fit method takes its loader from outside, reads `var shard = (IEpochAware)loader.Sampler;` once, and sets `shard`'s epoch in a warm-up loop and again in the main loop: wrong twice (a loader with a batch sampler has a SequentialSampler there, which is not even IEpochAware) - CMP001 twice. Fix All replaces both calls with `loader.SetEpoch(…)`; the alias is then used by nothing, and the page says an alias used only by the replaced call is removed.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam21.WarmupAndMainLoopShareSamplerAlias;

public static class Fit
{
    public static void Run(EpochDataLoader loader, nn.Module<Tensor, Tensor> model, int warmupEpochs, int epochs)
    {
        var warmup = optim.SGD(model.parameters(), learningRate: 1e-3);
        var main = optim.SGD(model.parameters(), learningRate: 1e-2, momentum: 0.9);
        var shard = (IEpochAware)loader.Sampler;

        for (int epoch = 0; epoch < warmupEpochs; epoch++)
        {
            shard.SetEpoch(epoch); //! CMP001
            Pass(warmup);
        }

        for (int epoch = warmupEpochs; epoch < epochs; epoch++)
        {
            shard.SetEpoch(epoch); //! CMP001
            Pass(main);
        }

        void Pass(optim.Optimizer optimizer)
        {
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }
}
