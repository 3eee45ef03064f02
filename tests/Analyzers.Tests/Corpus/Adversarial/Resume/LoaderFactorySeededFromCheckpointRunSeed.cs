// Scenario: a resumable fine-tuning job keeps its run seed in the checkpoint and rebuilds its TorchSharp loader through `MakeTrainLoader(data, seed)` with `shuffle: true, seed: seed`; the helper's seed does not follow the epoch, so each epoch of the run repeats one order — wrong (CMP003)
using System.Text.Json;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sentiment.FineTune;

public sealed record RunCheckpoint(int Seed, int CompletedEpochs, string WeightsFile);

public static class Loaders
{
    public static DataLoader MakeTrainLoader(torch.utils.data.Dataset data, int seed) =>
        new DataLoader(data, 32, shuffle: true, seed: seed, drop_last: true, disposeDataset: false); //! CMP003
}

public sealed class FineTuneJob
{
    private readonly string _runDir;

    public FineTuneJob(string runDir) => _runDir = runDir;

    public void Run(torch.utils.data.Dataset trainSet, nn.Module<Tensor, Tensor> classifier, int epochs)
    {
        var ckptPath = Path.Combine(_runDir, "checkpoint.json");
        var ckpt = File.Exists(ckptPath)
            ? JsonSerializer.Deserialize<RunCheckpoint>(File.ReadAllText(ckptPath))!
            : new RunCheckpoint(Random.Shared.Next(), 0, Path.Combine(_runDir, "weights.bin"));
        if (ckpt.CompletedEpochs > 0) classifier.load(ckpt.WeightsFile);

        using var train = Loaders.MakeTrainLoader(trainSet, ckpt.Seed);
        var optimizer = optim.AdamW(classifier.parameters(), lr: 2e-5);

        for (int epoch = ckpt.CompletedEpochs; epoch < epochs; epoch++)
        {
            classifier.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(classifier.call(batch["data"]), batch["label"]);
                loss.backward();
                nn.utils.clip_grad_norm_(classifier.parameters(), 1.0);
                optimizer.step();
            }

            classifier.save(ckpt.WeightsFile);
            ckpt = ckpt with { CompletedEpochs = epoch + 1 };
            File.WriteAllText(ckptPath, JsonSerializer.Serialize(ckpt));
        }
    }
}
