// Scenario: PyTorch-style TrainOneEpoch(model, loader, optimizer, scheduler, epoch) that uses epoch only for the warmup schedule and logging, never setting the shuffling loader's epoch — wrong
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.Speech;

public static class KeywordSpotting
{
    public static void Train(InMemoryDataset trainSet, InMemoryDataset valSet, int epochs = 30)
    {
        using var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 7);
        using var val = new EpochDataLoader(valSet, batchSize: 256);

        // 40 MFCC x 101 frames in, 12 keywords out
        var model = nn.Sequential(
            ("conv1", nn.Conv1d(40, 64, 3, padding: 1)), ("bn1", nn.BatchNorm1d(64)), ("relu1", nn.ReLU()),
            ("conv2", nn.Conv1d(64, 64, 3, padding: 1)), ("bn2", nn.BatchNorm1d(64)), ("relu2", nn.ReLU()),
            ("pool", nn.AdaptiveAvgPool1d(1)), ("flatten", nn.Flatten()), ("fc", nn.Linear(64, 12)));
        var optimizer = torch.optim.AdamW(model.parameters(), 1e-3, weight_decay: 1e-2);
        var warmup = new LinearWarmup(optimizer, peakLr: 1e-3, warmupEpochs: 3, stepsPerEpoch: train.Count);

        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            double trainLoss = TrainOneEpoch(model, train, optimizer, warmup, epoch); //! CMP002
            double valAcc = Validate(model, val, valSet.Count);
            Console.WriteLine($"[{epoch}/{epochs}] loss {trainLoss:F4}  val acc {valAcc:P2}");
            model.save($"kws_epoch{epoch:D2}.bin");
        }
    }

    static double TrainOneEpoch(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, torch.optim.Optimizer optimizer, LinearWarmup warmup, int epoch)
    {
        model.train();
        double total = 0;
        long step = 0;
        foreach (var batch in loader)
        {
            using var scope = torch.NewDisposeScope();
            warmup.Step(epoch, step++);
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
        }
        return total / Math.Max(1, step);
    }

    static double Validate(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, long count)
    {
        model.eval();
        using var _ = torch.no_grad();
        long correct = 0;
        foreach (var batch in loader)
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
        return (double)correct / count;
    }
}

/// <summary>Linear LR warmup over the first epochs (1-based), then flat.</summary>
public sealed class LinearWarmup(torch.optim.Optimizer optimizer, double peakLr, int warmupEpochs, long stepsPerEpoch)
{
    public void Step(int epoch, long stepInEpoch)
    {
        double progress = ((epoch - 1) * stepsPerEpoch + stepInEpoch + 1) / (double)(warmupEpochs * stepsPerEpoch);
        double lr = peakLr * Math.Min(1.0, progress);
        foreach (var g in optimizer.ParamGroups) g.LearningRate = lr;
    }
}
