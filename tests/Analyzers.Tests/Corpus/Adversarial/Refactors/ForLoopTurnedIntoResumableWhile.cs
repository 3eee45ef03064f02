// Scenario: to support resuming, the for loop became while (epoch < maxEpochs) with a counter that starts at the checkpoint's epoch and is advanced at the end of each pass; Epochs.SetEpoch(train, epoch) still runs first on every pass (right).
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Ocr.Training;

public sealed record ResumePoint(int Epoch, long BatchInEpoch);

public static class LineRecognizerTraining
{
    public static void Run(nn.Module<Tensor, Tensor> model, InMemoryDataset lines, int maxEpochs, string resumeFile)
    {
        var resume = File.Exists(resumeFile)
            ? JsonSerializer.Deserialize<ResumePoint>(File.ReadAllText(resumeFile)) ?? new ResumePoint(0, 0)
            : new ResumePoint(0, 0);
        string weights = Path.ChangeExtension(resumeFile, ".weights");
        if (File.Exists(weights)) model.load(weights);

        using var train = new EpochDataLoader(lines, batchSize: 48, sampler: new RandomSampler(lines.Count, seed: 404));
        using var optimizer = optim.Adam(model.parameters(), lr: 2e-4);

        int epoch = resume.Epoch;
        long skip = resume.BatchInEpoch;
        while (epoch < maxEpochs)
        {
            Epochs.SetEpoch(train, epoch);
            model.train();

            long batchInEpoch = skip;
            foreach (var batch in train.IterateFrom(skip))
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();

                if (++batchInEpoch % 200 == 0)
                    Save(model, weights, resumeFile, new ResumePoint(epoch, batchInEpoch));
            }

            skip = 0;
            epoch++;
            Save(model, weights, resumeFile, new ResumePoint(epoch, 0));
        }
    }

    static void Save(nn.Module model, string weights, string resumeFile, ResumePoint point)
    {
        model.save(weights);
        File.WriteAllText(resumeFile, JsonSerializer.Serialize(point));
    }
}
