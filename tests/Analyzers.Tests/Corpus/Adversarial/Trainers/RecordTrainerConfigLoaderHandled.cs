// Scenario: the same record-driven loop calls Epochs.SetEpoch on cfg.Train and only reads the DistributedSampler's epoch for logging: correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Fixed;

public sealed record RunConfig(EpochDataLoader Train, EpochDataLoader Eval, int Epochs, double LearningRate);

public static class Runner
{
    public static IReadOnlyList<double> Fit(RunConfig cfg, nn.Module<Tensor, Tensor> model)
    {
        var optimizer = optim.Adam(model.parameters(), lr: cfg.LearningRate);
        var accuracies = new List<double>();

        for (int epoch = 0; epoch < cfg.Epochs; epoch++)
        {
            Epochs.SetEpoch(cfg.Train, epoch);
            var shown = cfg.Train.Sampler is DistributedSampler sampler ? sampler.Epoch : epoch;
            Console.WriteLine($"epoch {shown}: {cfg.Train.Count} batches");

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
