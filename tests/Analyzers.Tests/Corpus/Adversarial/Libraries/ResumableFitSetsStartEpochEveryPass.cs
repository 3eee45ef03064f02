// Scenario: a library's resumable Fit(IDataLoader, startEpoch, epochs) passes startEpoch to SetEpoch on every pass instead of the loop's epoch (wrong)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Resumable;

public interface ICheckpointSink
{
    void Save(int epoch, nn.Module model, optim.Optimizer optimizer);
}

public sealed class ResumableTrainer
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly ICheckpointSink? _checkpoints;

    public ResumableTrainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, ICheckpointSink? checkpoints = null)
    {
        _model = model;
        _optimizer = optimizer;
        _checkpoints = checkpoints;
    }

    /// <summary>
    /// Trains from <paramref name="startEpoch"/> (0 for a fresh run, the checkpoint's epoch + 1 when resuming)
    /// up to <paramref name="epochs"/>. Sets the loader's epoch for you, so resumed runs see the same order.
    /// </summary>
    public void Fit(IDataLoader<Dictionary<string, Tensor>> loader, int startEpoch, int epochs)
    {
        for (int epoch = startEpoch; epoch < epochs; epoch++)
        {
            loader.SetEpoch(startEpoch); //! CMP004
            _model.train();
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.mse_loss(_model.call(batch["data"]), batch["target"]);
                loss.backward();
                _optimizer.step();
            }
            _checkpoints?.Save(epoch, _model, _optimizer);
        }
    }
}
