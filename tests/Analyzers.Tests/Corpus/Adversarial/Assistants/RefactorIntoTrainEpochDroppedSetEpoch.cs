// Scenario: asked to "split the loop into TrainEpoch and Validate methods", the assistant moved the batch loop into TrainEpoch and dropped the `trainLoader.SetEpoch(epoch)` line of the old inline loop; the shuffled train loader now replays one order every epoch (wrong, CMP002 at the TrainEpoch call).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionClassifier;

public sealed record TrainingConfig(int Epochs = 15, int BatchSize = 128, double LearningRate = 1e-3, int Seed = 42);

/// <summary>Keeps the history of losses/accuracies so we can print a summary at the end.</summary>
public sealed class MetricsTracker
{
    private readonly List<(int Epoch, double TrainLoss, double ValLoss, double ValAcc)> _history = new();

    public void Log(int epoch, double trainLoss, double valLoss, double valAcc) => _history.Add((epoch, trainLoss, valLoss, valAcc));

    public double BestAccuracy => _history.Count == 0 ? 0 : _history.Max(h => h.ValAcc);

    public void PrintSummary()
    {
        foreach (var h in _history)
            Console.WriteLine($"epoch {h.Epoch,3} | train {h.TrainLoss:F4} | val {h.ValLoss:F4} | acc {h.ValAcc:P2}");
    }
}

public static class Program
{
    public static void Main()
    {
        var config = new TrainingConfig();
        torch.manual_seed(config.Seed);

        using var trainSet = new FashionMnist(train: true);
        using var valSet = new FashionMnist(train: false);
        using var trainLoader = new EpochDataLoader(trainSet, batchSize: config.BatchSize, shuffle: true, seed: config.Seed);
        using var valLoader = new EpochDataLoader(valSet, batchSize: 1000);

        var model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(28 * 28, 512)),
            ("relu1", nn.ReLU()),
            ("fc2", nn.Linear(512, 128)),
            ("relu2", nn.ReLU()),
            ("out", nn.Linear(128, 10)));
        var optimizer = optim.Adam(model.parameters(), config.LearningRate);
        var tracker = new MetricsTracker();

        try
        {
            for (int epoch = 1; epoch <= config.Epochs; epoch++)
            {
                var trainLoss = TrainEpoch(model, trainLoader, optimizer); //! CMP002
                var (valLoss, valAcc) = Validate(model, valLoader);
                tracker.Log(epoch, trainLoss, valLoss, valAcc);
                Console.WriteLine($"Epoch {epoch}/{config.Epochs}: train_loss={trainLoss:F4} val_loss={valLoss:F4} val_acc={valAcc:P2}");
            }
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"Training failed: {ex.Message}");
            throw;
        }

        tracker.PrintSummary();
        Console.WriteLine($"Best validation accuracy: {tracker.BestAccuracy:P2}");
    }

    /// <summary>Runs one pass over the training data and returns the mean loss.</summary>
    private static double TrainEpoch(Sequential model, EpochDataLoader loader, optim.Optimizer optimizer)
    {
        model.train();
        double totalLoss = 0;
        long batches = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var logits = model.call(batch["data"]);
            var loss = nn.functional.cross_entropy(logits, batch["label"]);
            loss.backward();
            optimizer.step();
            totalLoss += loss.item<float>();
            batches++;
        }
        return totalLoss / Math.Max(batches, 1);
    }

    /// <summary>Evaluates the model; returns (mean loss, accuracy).</summary>
    private static (double Loss, double Accuracy) Validate(Sequential model, EpochDataLoader loader)
    {
        model.eval();
        using var noGrad = no_grad();
        double totalLoss = 0;
        long correct = 0, seen = 0, batches = 0;
        foreach (var batch in loader)
        {
            using var scope = NewDisposeScope();
            var logits = model.call(batch["data"]);
            var labels = batch["label"];
            totalLoss += nn.functional.cross_entropy(logits, labels).item<float>();
            correct += logits.argmax(1).eq(labels).sum().item<long>();
            seen += labels.shape[0];
            batches++;
        }
        return (totalLoss / Math.Max(batches, 1), (double)correct / Math.Max(seen, 1));
    }
}
