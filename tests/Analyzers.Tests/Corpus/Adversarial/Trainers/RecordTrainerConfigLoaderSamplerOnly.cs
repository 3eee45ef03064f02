// Scenario: a training run is described by a record holding the loaders; the loop sets the epoch on cfg.Train.Sampler through a DistributedSampler pattern only: a bug, the loader may come with a batch sampler.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments;

public sealed record RunConfig(EpochDataLoader Train, EpochDataLoader Eval, int Epochs, double LearningRate);

public static class Runner
{
    public static IReadOnlyList<double> Fit(RunConfig cfg, nn.Module<Tensor, Tensor> model)
    {
        var optimizer = optim.Adam(model.parameters(), lr: cfg.LearningRate);
        var accuracies = new List<double>();

        for (int epoch = 0; epoch < cfg.Epochs; epoch++)
        {
            if (cfg.Train.Sampler is DistributedSampler sampler) sampler.SetEpoch(epoch); //! CMP001

            model.train();
            foreach (var batch in cfg.Train)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }

            model.eval();
            long hits = 0, total = 0;
            using (no_grad())
            {
                foreach (var batch in cfg.Eval)
                {
                    using var scope = NewDisposeScope();
                    hits += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                    total += batch["label"].shape[0];
                }
            }
            accuracies.Add(total == 0 ? 0 : (double)hits / total);
        }
        return accuracies;
    }
}
