// Scenario: Pretraining rebuilds TorchSharp's DataLoader every epoch with seed: BaseSeed + epoch (fine), but fine-tuning rebuilds it every epoch with seed: BaseSeed, the same seed each pass (bug: CMP003 on that creation only).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Pretraining;

public static class TwoStageSchedule
{
    const int BaseSeed = 2024;

    public static void Run(InMemoryDataset unlabeled, InMemoryDataset labeled, int pretrainEpochs, int finetuneEpochs)
    {
        var encoder = nn.Sequential(("flatten", nn.Flatten()), ("fc", nn.Linear(784, 128)), ("act", nn.ReLU()));
        var decoder = nn.Sequential(("fc", nn.Linear(128, 784)), ("sig", nn.Sigmoid()));
        var head = nn.Linear(128, 10);

        var aeOptimizer = optim.Adam(encoder.parameters().Concat(decoder.parameters()), lr: 1e-3);
        for (int epoch = 0; epoch < pretrainEpochs; epoch++)
        {
            using var loader = new DataLoader(unlabeled, 256, shuffle: true, seed: BaseSeed + epoch, disposeDataset: false);
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                aeOptimizer.zero_grad();
                var x = batch["data"].flatten(1);
                var loss = nn.functional.mse_loss(decoder.forward(encoder.forward(batch["data"])), x);
                loss.backward();
                aeOptimizer.step();
            }
        }

        var ftOptimizer = optim.Adam(encoder.parameters().Concat(head.parameters()), lr: 1e-4);
        for (int epoch = 0; epoch < finetuneEpochs; epoch++)
        {
            using var loader = new DataLoader(labeled, 64, shuffle: true, seed: BaseSeed, disposeDataset: false); //! CMP003
            double total = 0;
            foreach (var batch in loader)
            {
                using var scope = NewDisposeScope();
                ftOptimizer.zero_grad();
                var loss = nn.functional.cross_entropy(head.forward(encoder.forward(batch["data"])), batch["label"]);
                loss.backward();
                ftOptimizer.step();
                total += loss.item<float>();
            }
            Console.WriteLine($"finetune epoch {epoch}: {total:F3}");
        }
    }
}
