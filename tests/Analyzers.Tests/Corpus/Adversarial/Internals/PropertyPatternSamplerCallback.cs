// Scenario: the Composer bug written with a property pattern: an epoch-start callback sets the epoch of `Sampler` only (`trainLoader is { Sampler: IEpochAware s }`). Wrong: CMP001 (relabelled 2026-12-06, when property-pattern receivers were traced to `loader.Sampler`; it was a documented limit with no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.PropertyPatternSamplerCallback;

public interface ITrainingCallback
{
    void OnEpochStart(int epoch);
    void OnBatchEnd(int epoch, long step, double loss);
}

public sealed class ReshuffleCallback : ITrainingCallback
{
    private readonly EpochDataLoader _trainLoader;
    private readonly TextWriter _log;

    public ReshuffleCallback(EpochDataLoader trainLoader, TextWriter log)
    {
        _trainLoader = trainLoader;
        _log = log;
    }

    public void OnEpochStart(int epoch)
    {
        if (_trainLoader is { Sampler: IEpochAware sampler }) sampler.SetEpoch(epoch); //! CMP001
        _log.WriteLine($"epoch {epoch}: {_trainLoader.Count} batches");
    }

    public void OnBatchEnd(int epoch, long step, double loss)
    {
        if (step % 50 == 0) _log.WriteLine($"  [{epoch}:{step}] loss {loss:F4}");
    }
}

public static class CallbackLoop
{
    public static void Run(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, IReadOnlyList<ITrainingCallback> callbacks, int epochs)
    {
        var optimizer = optim.Adam(model.parameters(), 3e-4);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var callback in callbacks) callback.OnEpochStart(epoch);
            long step = 0;
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                step++;
                foreach (var callback in callbacks) callback.OnBatchEnd(epoch, step, loss.item<float>());
            }
        }
    }
}
