// Scenario: the user's "add mid-epoch resume" follow-up: the assistant saves (epoch, batch) every 200 steps, loops `foreach (var epoch in Enumerable.Range(start_epoch, num_epochs - start_epoch))`, sets `train_loader.SetEpoch(epoch)` and skips the already-seen batches of the first epoch with `IterateFrom(skip)` (right, no diagnostic).
using System.Text.Json;
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace ResumableRun;

public sealed record TrainingProgress(int Epoch, long Batch);

public static class Program
{
    private const string ProgressFile = "progress.json";
    private const string WeightsFile = "weights.dat";

    public static void Main()
    {
        const int num_epochs = 10;
        const int save_every = 200;

        using var train_set = new FashionMnist(train: true);
        using var train_loader = new EpochDataLoader(train_set, batchSize: 64, shuffle: true, seed: 2024);

        var model = nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 10));
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);

        // ---- resume ----
        var start_epoch = 0;
        long resume_batch = 0;
        try
        {
            if (File.Exists(ProgressFile) && File.Exists(WeightsFile))
            {
                var saved = JsonSerializer.Deserialize<TrainingProgress>(File.ReadAllText(ProgressFile))!;
                model.load(WeightsFile);
                (start_epoch, resume_batch) = (saved.Epoch, saved.Batch);
                Console.WriteLine($"Resuming at epoch {start_epoch}, batch {resume_batch}");
            }
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            Console.WriteLine($"Ignoring unreadable checkpoint: {ex.Message}");
        }

        foreach (var epoch in Enumerable.Range(start_epoch, num_epochs - start_epoch))
        {
            // same order as the interrupted run for this epoch, then new orders for the following ones
            train_loader.SetEpoch(epoch);
            var skip = epoch == start_epoch ? resume_batch : 0;

            model.train();
            var step = skip;
            foreach (var batch in train_loader.IterateFrom(skip))
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                step++;

                if (step % save_every == 0)
                {
                    model.save(WeightsFile);
                    File.WriteAllText(ProgressFile, JsonSerializer.Serialize(new TrainingProgress(epoch, step)));
                    Console.WriteLine($"  [epoch {epoch}] step {step}/{train_loader.Count} loss {loss.item<float>():F4} (saved)");
                }
            }

            model.save(WeightsFile);
            File.WriteAllText(ProgressFile, JsonSerializer.Serialize(new TrainingProgress(epoch + 1, 0)));
        }
    }
}
