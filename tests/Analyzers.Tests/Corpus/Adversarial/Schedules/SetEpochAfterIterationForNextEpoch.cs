// Scenario: end-of-epoch housekeeping (MultiStepLR step, best-checkpoint by epoch, train.SetEpoch(epoch + 1) for the next epoch) done after the batch loop — right
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.Sentiment;

public sealed class BagOfWordsTrainer
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly torch.optim.Optimizer _optimizer;
    private readonly torch.optim.lr_scheduler.LRScheduler _scheduler;

    public BagOfWordsTrainer(int vocabulary, int classes)
    {
        _model = nn.Sequential(
            ("fc1", nn.Linear(vocabulary, 512)), ("relu", nn.ReLU()), ("drop", nn.Dropout(0.5)),
            ("fc2", nn.Linear(512, classes)));
        _optimizer = torch.optim.SGD(_model.parameters(), 0.2, momentum: 0.9);
        _scheduler = torch.optim.lr_scheduler.MultiStepLR(_optimizer, new List<int> { 8, 14 }, gamma: 0.1);
    }

    public void Fit(InMemoryDataset trainSet, InMemoryDataset devSet, int epochs, string checkpointDir)
    {
        using var train = new EpochDataLoader(trainSet, batchSize: 64, shuffle: true, seed: 5);
        using var dev = new EpochDataLoader(devSet, batchSize: 256);
        double bestAccuracy = 0;

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            _model.train();
            foreach (var batch in train)
            {
                using var scope = torch.NewDisposeScope();
                _optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(_model.forward(batch["data"]), batch["label"]);
                loss.backward();
                _optimizer.step();
            }

            double accuracy = Evaluate(dev, devSet.Count);
            if (accuracy > bestAccuracy)
            {
                bestAccuracy = accuracy;
                _model.save(Path.Combine(checkpointDir, $"best_epoch{epoch:D2}_acc{accuracy:F3}.bin"));
            }
            Console.WriteLine($"epoch {epoch}: dev acc {accuracy:P1} (best {bestAccuracy:P1}), lr {_scheduler.get_last_lr().First():G2}");

            // end of epoch: decay the LR and reshuffle for the next one
            _scheduler.step();
            train.SetEpoch(epoch + 1);
        }
    }

    private double Evaluate(EpochDataLoader loader, long count)
    {
        _model.eval();
        using var _ = torch.no_grad();
        long correct = 0;
        foreach (var batch in loader)
        {
            using var scope = torch.NewDisposeScope();
            correct += _model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
        }
        return (double)correct / count;
    }
}
