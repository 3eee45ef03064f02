// Scenario: the batch loop was extracted into TrainOneEpoch(model, optimizer, loader) and the train.SetEpoch(epoch) that opened each epoch was lost in the move; the shuffled loader replays epoch 0's order every epoch (wrong).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Churn.Training;

public static class ChurnTraining
{
    public static void Run(InMemoryDataset trainSet, InMemoryDataset valSet, int epochs)
    {
        using var model = nn.Sequential(
            ("fc1", nn.Linear(24, 64)),
            ("relu", nn.ReLU()),
            ("drop", nn.Dropout(0.2)),
            ("fc2", nn.Linear(64, 2)));
        using var optimizer = optim.AdamW(model.parameters(), lr: 3e-4, weight_decay: 1e-2);

        using var train = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 2024, dropLast: true);
        using var val = new EpochDataLoader(valSet, batchSize: 512);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            // TODO(refactor): moved the batch loop out so the notebook port can reuse it
            var trainLoss = TrainOneEpoch(model, optimizer, train); //! CMP002
            var valAcc = Evaluate(model, val);
            Console.WriteLine($"epoch {epoch + 1}/{epochs}  loss {trainLoss:F4}  val acc {valAcc:P2}");
        }
    }

    static double TrainOneEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, EpochDataLoader loader)
    {
        model.train();
        double total = 0;
        long batches = 0;
        foreach (var batch in loader)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var logits = model.call(batch["data"]);
            var loss = nn.functional.cross_entropy(logits, batch["label"]);
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
            batches++;
        }
        return total / Math.Max(1, batches);
    }

    static double Evaluate(nn.Module<Tensor, Tensor> model, EpochDataLoader loader)
    {
        model.eval();
        long correct = 0, seen = 0;
        using var noGrad = torch.no_grad();
        foreach (var batch in loader)
        {
            using var scope = torch.NewDisposeScope();
            var predicted = model.call(batch["data"]).argmax(1);
            correct += predicted.eq(batch["label"]).sum().item<long>();
            seen += batch["label"].shape[0];
        }
        return seen == 0 ? 0 : (double)correct / seen;
    }
}
