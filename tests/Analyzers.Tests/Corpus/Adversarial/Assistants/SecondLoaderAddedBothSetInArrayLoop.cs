// Scenario: the user's follow-up "add an unlabeled loader for consistency regularisation" makes the assistant set both shuffled loaders with `foreach (var l in new[] { labeled_loader, unlabeled_loader }) l.SetEpoch(epoch);` before iterating `labeled_loader.Zip(unlabeled_loader)` (right, no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace SemiSupervised;

public sealed class TrainingConfig
{
    public int Epochs { get; init; } = 50;
    public int LabeledBatch { get; init; } = 32;
    public int UnlabeledBatch { get; init; } = 96;
    public double ConsistencyWeight { get; init; } = 1.0;
    public float NoiseStd { get; init; } = 0.15f;
}

public static class PiModel
{
    public static void Train(InMemoryDataset labeled, InMemoryDataset unlabeled, TrainingConfig cfg)
    {
        using var labeled_loader = new EpochDataLoader(labeled, batchSize: cfg.LabeledBatch, shuffle: true, seed: 1, dropLast: true);
        // NEW: second loader over the unlabeled pool
        using var unlabeled_loader = new EpochDataLoader(unlabeled, batchSize: cfg.UnlabeledBatch, shuffle: true, seed: 2, dropLast: true);

        var model = nn.Sequential(nn.Linear(20, 128), nn.ReLU(), nn.Dropout(0.3), nn.Linear(128, 4));
        var optimizer = optim.Adam(model.parameters(), 1e-3);

        for (int epoch = 0; epoch < cfg.Epochs; epoch++)
        {
            // reshuffle BOTH loaders (the unlabeled one needs it too)
            foreach (var l in new[] { labeled_loader, unlabeled_loader }) l.SetEpoch(epoch);

            // ramp the consistency weight up over the first 10 epochs
            var w = cfg.ConsistencyWeight * Math.Min(1.0, (epoch + 1) / 10.0);
            double sup_sum = 0, cons_sum = 0;
            int steps = 0;

            // zip stops at the shorter of the two loaders
            foreach (var (lb, ub) in labeled_loader.Zip(unlabeled_loader))
            {
                using var scope = NewDisposeScope();
                var logits = model.call(lb["data"]);
                var supervised = nn.functional.cross_entropy(logits, lb["label"]);

                var xu = ub["data"];
                var p1 = nn.functional.softmax(model.call(xu + cfg.NoiseStd * randn_like(xu)), 1);
                var p2 = nn.functional.softmax(model.call(xu + cfg.NoiseStd * randn_like(xu)), 1);
                var consistency = nn.functional.mse_loss(p1, p2);

                var loss = supervised + w * consistency;
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();

                sup_sum += supervised.item<float>();
                cons_sum += consistency.item<float>();
                steps++;
            }

            Console.WriteLine($"epoch {epoch + 1}/{cfg.Epochs}  sup={sup_sum / steps:F4}  cons={cons_sum / steps:F5}  w={w:F2}");
        }
    }
}
