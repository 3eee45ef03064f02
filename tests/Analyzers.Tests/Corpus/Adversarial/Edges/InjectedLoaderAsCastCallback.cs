// Scenario: a Composer-style callback, given its loader from outside, reshuffles through `(loader.Sampler as IEpochAware)?.SetEpoch` and restores with `switch (loader.Sampler) { case DistributedSampler d: … }`; wrong when the loader draws from a batch sampler.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.InjectedLoaderAsCastCallback;

public interface ITrainingCallback
{
    void OnFitStart(int startEpoch);
    void OnEpochStart(int epoch);
    void OnEpochEnd(int epoch, double loss);
}

public sealed class ReshuffleCallback : ITrainingCallback
{
    private readonly EpochDataLoader _loader;

    public ReshuffleCallback(EpochDataLoader loader) => _loader = loader;

    public void OnFitStart(int startEpoch)
    {
        // Resumed runs: put the sampler back where the checkpoint left it.
        switch (_loader.Sampler)
        {
            case DistributedSampler d:
                d.SetEpoch(startEpoch); //! CMP001
                break;
            case RandomSampler r:
                r.SetEpoch(startEpoch); //! CMP001
                break;
        }
    }

    public void OnEpochStart(int epoch)
    {
        (_loader.Sampler as IEpochAware)?.SetEpoch(epoch); //! CMP001
    }

    public void OnEpochEnd(int epoch, double loss) => Console.WriteLine($"epoch {epoch}: {loss:F4}");
}

public sealed class CallbackTrainer(nn.Module<Tensor, Tensor> model, IReadOnlyList<ITrainingCallback> callbacks)
{
    private readonly optim.Optimizer _optimizer = optim.Adam(model.parameters(), lr: 1e-3);

    public void Fit(EpochDataLoader loader, int startEpoch, int epochs)
    {
        foreach (var cb in callbacks) cb.OnFitStart(startEpoch);
        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            foreach (var cb in callbacks) cb.OnEpochStart(epoch);
            double sum = 0;
            foreach (var batch in loader)
            {
                _optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                _optimizer.step();
                sum += loss.item<float>();
            }
            foreach (var cb in callbacks) cb.OnEpochEnd(epoch, sum / Math.Max(loader.Count, 1));
        }
    }
}
