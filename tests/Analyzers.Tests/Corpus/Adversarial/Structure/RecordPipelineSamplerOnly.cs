// Scenario: a positional record holds the train and eval loaders and runs the epochs itself, setting the epoch with `if (Train.Sampler is IEpochAware s)`; its factory builds Train from a ClassBalancedBatchSampler (wrong: the batch sampler is never told the epoch).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Structure.RecordPipelineSamplerOnly;

public sealed record TrainingPipeline(EpochDataLoader Train, EpochDataLoader Eval, int Epochs)
{
    public static TrainingPipeline Create(InMemoryDataset train, InMemoryDataset eval, IReadOnlyList<long> labels, int epochs) =>
        new TrainingPipeline(
            new EpochDataLoader(train, batchSampler: new ClassBalancedBatchSampler(labels, classesPerBatch: 8, samplesPerClass: 4, seed: 5)),
            new EpochDataLoader(eval, batchSize: 256),
            epochs);

    public IReadOnlyList<(int Epoch, double Loss, double EvalLoss)> Run(
        Func<Dictionary<string, Tensor>, double> trainStep,
        Func<Dictionary<string, Tensor>, double> evalStep)
    {
        var log = new List<(int, double, double)>();
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            if (Train.Sampler is IEpochAware s) s.SetEpoch(epoch); //! CMP001

            double loss = 0, evalLoss = 0;
            int n = 0, m = 0;
            foreach (var batch in Train) { loss += trainStep(batch); n++; }
            foreach (var batch in Eval) { evalLoss += evalStep(batch); m++; }
            log.Add((epoch, loss / Math.Max(1, n), evalLoss / Math.Max(1, m)));
        }
        return log;
    }
}

public static class PipelineMain
{
    public static void Run(InMemoryDataset train, InMemoryDataset eval, IReadOnlyList<long> labels)
    {
        var model = nn.Linear(32, 8);
        var optimizer = optim.Adam(model.parameters());
        var pipeline = TrainingPipeline.Create(train, eval, labels, epochs: 20);
        var log = pipeline.Run(
            batch =>
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                return loss.item<float>();
            },
            batch =>
            {
                using var noGrad = torch.no_grad();
                return nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]).item<float>();
            });
        Console.WriteLine($"best eval loss {log.Min(r => r.EvalLoss):F4}");
    }
}
