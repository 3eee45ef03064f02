// Scenario: a three-stage curriculum reassigns `loader` at stage boundaries (the last stage a P×K batch sampler that keeps batchSize: 64) and never sets an epoch; wrong twice.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Edges.CurriculumStagesNoSetEpoch;

public sealed record Stages(InMemoryDataset Easy, InMemoryDataset Medium, InMemoryDataset Hard, IReadOnlyList<long> HardLabels);

public static class CurriculumTraining
{
    public static void Fit(nn.Module<Tensor, Tensor> model, Stages stages, int easyEpochs, int mediumEpochs, int totalEpochs)
    {
        var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
        var schedule = optim.lr_scheduler.CosineAnnealingLR(optimizer, totalEpochs);

        EpochDataLoader loader = new EpochDataLoader(stages.Easy, batchSize: 64, shuffle: true, seed: 7);
        for (int epoch = 0; epoch < totalEpochs; epoch++)
        {
            if (epoch == easyEpochs)
            {
                loader.Dispose();
                loader = new EpochDataLoader(stages.Medium, batchSize: 64, shuffle: true, seed: 7);
            }
            else if (epoch == easyEpochs + mediumEpochs)
            {
                loader.Dispose();
                var pk = new ClassBalancedBatchSampler(stages.HardLabels, classesPerBatch: 16, samplesPerClass: 4, seed: 7);
                loader = new EpochDataLoader(stages.Hard, batchSize: 64, batchSampler: pk); //! CMP006
            }

            double sum = 0;
            foreach (var batch in loader) //! CMP002
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            schedule.step();
            Console.WriteLine($"epoch {epoch}: {sum / Math.Max(loader.Count, 1):F4}");
        }
        loader.Dispose();
    }
}
