// Scenario: each epoch sets the TorchSharp DataLoader's epoch-aware RandomSampler shuffler with `Epochs.SetEpoch(loader, epoch)`, then trains inside `try { … } finally { SaveCheckpoint(…) }` so a crash still leaves a resumable checkpoint — right
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AudioTagging;

public sealed record EpochCheckpoint(int Epoch, long BatchesDone, bool Complete);

public static class ResumableTraining
{
    public static void Fit(torch.utils.data.Dataset clips, nn.Module<Tensor, Tensor> model, int epochs, string checkpointDir)
    {
        using var loader = new DataLoader(clips, 48, new RandomSampler(clips.Count, seed: 8), disposeDataset: false);
        var optimizer = optim.Adam(model.parameters(), lr: 2e-4);

        var last = LoadLast(checkpointDir);
        int start = last is null ? 0 : last.Complete ? last.Epoch + 1 : last.Epoch;   // redo an epoch that crashed
        if (last is not null) model.load(Path.Combine(checkpointDir, "model.bin"));

        for (int epoch = start; epoch < epochs; epoch++)
        {
            Epochs.SetEpoch(loader, epoch);
            long done = 0;
            bool complete = false;
            try
            {
                model.train();
                foreach (var batch in loader)
                {
                    using var scope = NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.binary_cross_entropy_with_logits(model.call(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                    done++;
                }
                complete = true;
            }
            finally
            {
                // Whatever happened, leave something the next job can pick up.
                SaveCheckpoint(checkpointDir, model, new EpochCheckpoint(epoch, done, complete));
            }
        }
    }

    private static EpochCheckpoint? LoadLast(string dir)
    {
        var path = Path.Combine(dir, "last.json");
        return File.Exists(path) ? JsonSerializer.Deserialize<EpochCheckpoint>(File.ReadAllText(path)) : null;
    }

    private static void SaveCheckpoint(string dir, nn.Module model, EpochCheckpoint ckpt)
    {
        Directory.CreateDirectory(dir);
        model.save(Path.Combine(dir, "model.bin"));
        File.WriteAllText(Path.Combine(dir, "last.json"), JsonSerializer.Serialize(ckpt));
    }
}
