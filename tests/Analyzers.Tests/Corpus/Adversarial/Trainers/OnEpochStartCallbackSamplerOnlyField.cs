// Scenario: a Lightning-style trainer with hooks sets the epoch in OnEpochStart(int epoch) on the injected loader's Sampler only: Composer's bug inside a callback method.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Hooks;

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
        if (_train.Sampler is IEpochAware sampler) sampler.SetEpoch(epoch); //! CMP001
        Model.train();
    }

    protected virtual void OnEpochEnd(int epoch, double meanLoss) =>
        Console.WriteLine($"epoch {epoch}: {meanLoss:F4}");

    protected abstract Tensor TrainingStep(Dictionary<string, Tensor> batch);

    public void Fit(int maxEpochs)
    {
        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            OnEpochStart(epoch);
            double total = 0;
            int steps = 0;
            foreach (var batch in _train)
            {
                using var scope = NewDisposeScope();
                var loss = TrainingStep(batch);
                Optimizer.zero_grad();
                loss.backward();
                Optimizer.step();
                total += loss.item<float>();
                steps++;
            }
            OnEpochEnd(epoch, total / Math.Max(steps, 1));
        }
    }
}
