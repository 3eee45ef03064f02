// Scenario: a primary-constructor trainer takes its loader as a parameter and aliases loader.Sampler as DistributedSampler to set the epoch (Composer's isinstance check): a bug, the batch sampler is never told.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lightning.Port;

public sealed class LitTrainer(EpochDataLoader train, nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, int maxEpochs)
{
    public List<double> History { get; } = new();

    public void Fit()
    {
        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            var sampler = train.Sampler as DistributedSampler;
            sampler?.SetEpoch(epoch); //! CMP001

            model.train();
            double running = 0;
            int count = 0;
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                var output = model.forward(batch["data"]);
                var loss = nn.functional.mse_loss(output, batch["target"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                running += loss.item<float>();
                count++;
            }
            History.Add(running / Math.Max(count, 1));
            OnEpochEnd(epoch);
        }
    }

    void OnEpochEnd(int epoch)
    {
        if (History.Count > 1 && History[^1] > History[^2])
            Console.WriteLine($"epoch {epoch}: validation loss went up ({History[^2]:F4} -> {History[^1]:F4})");
    }
}
