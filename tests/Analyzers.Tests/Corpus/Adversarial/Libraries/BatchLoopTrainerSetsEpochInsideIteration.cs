// Scenario: a generic trainer with plugin callbacks sets the loader's epoch inside its batch loop when the first step begins, one epoch late (wrong)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace PluggableTrainer;

/// <summary>Extension point for users of <see cref="Trainer{TBatch}"/>.</summary>
public interface ITrainerPlugin<in TBatch>
{
    void OnBatchEnd(int epoch, long step, TBatch batch, float loss) { }
    void OnEpochEnd(int epoch) { }
}

/// <summary>A small trainer for any batch type; the caller supplies the step function.</summary>
public sealed class Trainer<TBatch>
{
    private readonly Func<TBatch, Tensor> _computeLoss;
    private readonly optim.Optimizer _optimizer;
    private readonly List<ITrainerPlugin<TBatch>> _plugins = new();

    public Trainer(Func<TBatch, Tensor> computeLoss, optim.Optimizer optimizer)
    {
        _computeLoss = computeLoss;
        _optimizer = optimizer;
    }

    public Trainer<TBatch> Use(ITrainerPlugin<TBatch> plugin)
    {
        _plugins.Add(plugin);
        return this;
    }

    /// <summary>Trains on <paramref name="loader"/> for <paramref name="epochs"/> epochs, reshuffling every epoch.</summary>
    public void Fit(IDataLoader<TBatch> loader, int epochs)
    {
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            long step = 0;
            foreach (var batch in loader)
            {
                if (step == 0)
                {
                    // reshuffle for this epoch
                    loader.SetEpoch(epoch); //! CMP005
                }

                using var scope = NewDisposeScope();
                _optimizer.zero_grad();
                var loss = _computeLoss(batch);
                loss.backward();
                _optimizer.step();
                float value = loss.item<float>();
                foreach (var plugin in _plugins) plugin.OnBatchEnd(epoch, step, batch, value);
                step++;
            }
            foreach (var plugin in _plugins) plugin.OnEpochEnd(epoch);
        }
    }
}
