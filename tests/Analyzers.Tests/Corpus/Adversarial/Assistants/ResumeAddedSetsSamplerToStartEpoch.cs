// Scenario: the user asked the assistant to "add resume from checkpoint"; the new code loads `start_epoch` and, to "continue the shuffling where we left off", calls `train_sampler.SetEpoch(start_epoch)` inside `for (int epoch = start_epoch; ...)` — the value never changes across the loop, so all resumed epochs share one order (wrong, CMP004).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace ResumableTraining;

public static class Program
{
    private const string CheckpointDir = "checkpoints";

    public static void Main(string[] args)
    {
        int num_epochs = args.Length > 0 ? int.Parse(args[0]) : 25;
        Directory.CreateDirectory(CheckpointDir);

        using var train_set = new FashionMnist(train: true);
        // Same as PyTorch: DistributedSampler(dataset, shuffle=True, seed=0); works with a single process too.
        var train_sampler = new DistributedSampler(train_set.Count, shuffle: true, seed: 0);
        using var train_loader = new EpochDataLoader(train_set, batchSize: 128, sampler: train_sampler);

        var model = nn.Sequential(nn.Flatten(), nn.Linear(784, 300), nn.ReLU(), nn.Linear(300, 100), nn.ReLU(), nn.Linear(100, 10));
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.05, momentum: 0.9);

        // ---- resume (new) ----
        int start_epoch = 0;
        var lastEpochFile = Path.Combine(CheckpointDir, "last_epoch.txt");
        try
        {
            if (File.Exists(lastEpochFile))
            {
                var last = int.Parse(File.ReadAllText(lastEpochFile).Trim());
                model.load(Path.Combine(CheckpointDir, $"model_epoch{last}.dat"));
                start_epoch = last + 1;
                Console.WriteLine($"Resuming from epoch {start_epoch}");
            }
        }
        catch (Exception ex)
        {
            Console.WriteLine($"Could not resume ({ex.Message}), starting from scratch.");
            start_epoch = 0;
        }

        for (int epoch = start_epoch; epoch < num_epochs; epoch++)
        {
            // make sure the sampler continues from where we left off
            train_sampler.SetEpoch(start_epoch); //! CMP004

            model.train();
            double loss_sum = 0;
            int n = 0;
            foreach (var batch in train_loader)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                loss_sum += loss.item<float>();
                n++;
            }
            Console.WriteLine($"epoch {epoch}: loss {loss_sum / n:F4}");

            // save a checkpoint at the end of every epoch
            try
            {
                model.save(Path.Combine(CheckpointDir, $"model_epoch{epoch}.dat"));
                File.WriteAllText(lastEpochFile, epoch.ToString());
            }
            catch (IOException ex)
            {
                Console.WriteLine($"Warning: checkpoint not saved: {ex.Message}");
            }
        }
    }
}
