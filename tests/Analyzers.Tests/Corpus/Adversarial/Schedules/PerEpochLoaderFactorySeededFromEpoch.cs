// Scenario: a per-epoch factory ForEpoch(data, epoch) that builds a shuffling TorchSharp DataLoader with seed: BaseSeed + epoch, called anew every epoch next to a cosine schedule and patience-based stopping — right
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lab.Tabular;

public static class ChurnModel
{
    private const int BaseSeed = 8_000;
    private const int BatchSize = 256;

    public static DataLoader ForEpoch(torch.utils.data.Dataset data, int epoch) =>
        new DataLoader(data, BatchSize, shuffle: true, seed: BaseSeed + epoch, disposeDataset: false);

    public static void Fit(torch.utils.data.Dataset trainSet, torch.utils.data.Dataset valSet, int maxEpochs, int patience = 5)
    {
        var model = nn.Sequential(
            ("fc1", nn.Linear(40, 128)), ("relu1", nn.ReLU()), ("drop", nn.Dropout(0.3)),
            ("fc2", nn.Linear(128, 1)));
        var optimizer = torch.optim.Adam(model.parameters(), 2e-3);
        var cosine = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max: maxEpochs);
        using var val = new DataLoader(valSet, 1024, disposeDataset: false);

        double best = double.MaxValue;
        int sinceBest = 0;
        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            using var train = ForEpoch(trainSet, epoch);
            model.train();
            foreach (var batch in train)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var logits = model.forward(batch["data"]).squeeze(1);
                var loss = nn.functional.binary_cross_entropy_with_logits(logits, batch["label"].to_type(ScalarType.Float32));
                loss.backward();
                optimizer.step();
            }
            cosine.step();

            model.eval();
            double valLoss = 0;
            long n = 0;
            using (torch.no_grad())
            {
                foreach (var batch in val)
                {
                    var logits = model.forward(batch["data"]).squeeze(1);
                    valLoss += nn.functional.binary_cross_entropy_with_logits(logits, batch["label"].to_type(ScalarType.Float32), reduction: nn.Reduction.Sum).item<float>();
                    n += logits.shape[0];
                }
            }
            valLoss /= n;
            Console.WriteLine($"epoch {epoch}: val bce {valLoss:F4}, lr {cosine.get_last_lr().First():G3}");

            if (valLoss < best) { best = valLoss; sinceBest = 0; model.save($"churn_epoch{epoch}.bin"); }
            else if (++sinceBest >= patience) break;
        }
    }
}
