// Scenario: a run resumed from a JSON checkpoint reads startEpoch/startBatch, sets the distributed loader's epoch on every pass and skips the consumed batches with IterateFrom only on the resumed epoch: correct.
using System.Text.Json;
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Vision.Training;

public sealed record ResumePoint(int Epoch, long Batch, string WeightsPath);

public sealed class ResumableRun
{
    readonly FashionMnist _data = new(train: true);

    public void Run(string checkpointFile, int maxEpochs)
    {
        Dist.Initialize();
        var resume = File.Exists(checkpointFile)
            ? JsonSerializer.Deserialize<ResumePoint>(File.ReadAllText(checkpointFile))
            : null;
        int startEpoch = resume?.Epoch ?? 0;
        long startBatch = resume?.Batch ?? 0;

        var loader = new EpochDataLoader(_data, 64,
            sampler: new DistributedSampler(_data.Count, Dist.WorldSize, Dist.Rank, seed: 7));

        var model = nn.Sequential(("flat", nn.Flatten()), ("hidden", nn.Linear(784, 128)), ("act", nn.GELU()), ("out", nn.Linear(128, 10)));
        if (resume is not null) model.load(resume.WeightsPath);
        var optimizer = optim.AdamW(model.parameters(), lr: 3e-4, weight_decay: 0.01);
        using var reducer = new GradientAllReducer(model);
        reducer.BroadcastParameters();

        for (int epoch = startEpoch; epoch < maxEpochs; epoch++)
        {
            Epochs.SetEpoch(loader, epoch);
            long batchIndex = epoch == startEpoch ? startBatch : 0;
            foreach (var batch in loader.IterateFrom(batchIndex))
            {
                using var _ = NewDisposeScope();
                optimizer.zero_grad();
                var logits = model.forward(batch["data"]);
                var loss = nn.functional.cross_entropy(logits, batch["label"]);
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
                batchIndex++;

                if (Dist.Rank == 0 && batchIndex % 200 == 0)
                {
                    var weights = $"weights-{epoch}-{batchIndex}.bin";
                    model.save(weights);
                    File.WriteAllText(checkpointFile, JsonSerializer.Serialize(new ResumePoint(epoch, batchIndex, weights)));
                }
            }
        }
    }
}
