// Scenario: `Fit` receives a loader from outside (so it may draw from a batch sampler), sets `loader.Sampler`'s epoch, and then announces the epoch through a stored lambda, `announce(loader.BatchSampler, epoch)`, whose body logs and hands the batch sampler to `hooks.OnEpochStart(batches, epoch)` — `IEpochHooks` is an interface, not in view. A pass handles the batch sampler when it is "handed on where its epoch may get set: passed as an argument to a method not in view (`hooks.Reset(L.BatchSampler)` …)", and a call "to a lambda stored in a local … that does one of these to … the parameter that receives … `L.BatchSampler`" counts as well: the lambda hands the parameter that receives `loader.BatchSampler` to code not in view, which may set its epoch. Correct by the pages: no finding (written without the lambda, `hooks.OnEpochStart(loader.BatchSampler, epoch)` is not flagged).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam23.StoredLambdaAnnouncesBatchSamplerToHooks;

public interface IEpochHooks
{
    void OnEpochStart(object component, int epoch);
}

public static class Fit
{
    public static void Run(EpochDataLoader loader, IEpochHooks hooks, nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, int epochs)
    {
        Action<IBatchSampler, int> announce = (batches, epoch) =>
        {
            Console.WriteLine($"epoch {epoch}: {batches.Count} batches");
            hooks.OnEpochStart(batches, epoch);
        };
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            if (loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch);
            announce(loader.BatchSampler, epoch);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).backward();
                optimizer.step();
            }
        }
    }
}
