// Scenario: the same hooked trainer's OnEpochStart calls _train.SetEpoch and keeps an old DistributedSampler line next to it: correct, the whole loader (batch sampler included) is set.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Hooks.Fixed;

public abstract class HookedTrainer
{
    readonly EpochDataLoader _train;
    protected readonly nn.Module<Tensor, Tensor> Model;
    protected readonly optim.Optimizer Optimizer;

    protected HookedTrainer(EpochDataLoader train, nn.Module<Tensor, Tensor> model, double lr)
    {
        _train = train;
        Model = model;
        Optimizer = optim.Adam(model.parameters(), lr: lr);
    }

    protected virtual void OnEpochStart(int epoch)
    {
        _train.SetEpoch(epoch);
        if (_train.Sampler is DistributedSampler shard) shard.SetEpoch(epoch); // redundant, kept from the port
        Model.train();
    }

    protected abstract Tensor TrainingStep(Dictionary<string, Tensor> batch);

    public void Fit(int maxEpochs)
    {
        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            OnEpochStart(epoch);
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                var loss = TrainingStep(batch);
                Optimizer.zero_grad();
                loss.backward();
                Optimizer.step();
            }
        }
    }
}
