// Scenario: a Composer-port epoch hook receives the streaming loader from the host and, as the PyTorch fix does, sets the epoch on the loader's batch sampler as well as on its sampler — right: the pass handles the batch sampler, so the sampler call is no mistake.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Streaming.Hooks;

public interface IEpochHook
{
    void OnEpochStart(int epoch);
}

/// <summary>Set the epoch on every epoch-aware part of a loader the host built (shards, P×K batches, …).</summary>
public sealed class ReshuffleParts : IEpochHook
{
    readonly EpochDataLoader _loader;

    public ReshuffleParts(EpochDataLoader loader) => _loader = loader ?? throw new ArgumentNullException(nameof(loader));

    public void OnEpochStart(int epoch)
    {
        // batch_sampler first: with a batch sampler, loader.Sampler is only a placeholder
        if (_loader.BatchSampler is IEpochAware batches) batches.SetEpoch(epoch);
        if (_loader.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch);
    }
}

/// <summary>The host's loop: hooks first, then the batches; knows nothing of how the loader was built.</summary>
public sealed class StreamHost(IReadOnlyList<IEpochHook> hooks, nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
{
    public void Fit(IDataLoader<Dictionary<string, Tensor>> loader, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var hook in hooks) hook.OnEpochStart(epoch);
            double total = 0;
            long steps = 0;
            foreach (var batch in loader)
            {
                using var scope = torch.NewDisposeScope();
                var loss = nn.functional.mse_loss(model.call(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                steps++;
            }
            Console.WriteLine($"epoch {epoch}: mse {total / Math.Max(1, steps):F5}");
        }
    }
}
