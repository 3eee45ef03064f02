// Scenario: the PyTorch tutorial's `for phase in ['train', 'val']` loop, ported with `var loader = phase == "train" ? train : val;`; `train.SetEpoch(epoch)` runs before the phases loop on every epoch: right (the phases loop is no epoch loop and the shuffling loader's epoch is set on each pass). Not flagged: a local that only chooses among loaders is handled when every shuffling arm is (relabelled 2026-12-06; it was a documented limit that flagged CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.C.PhasesLoopConditionalLoader;

public static class TransferLearning
{
    public static void Main()
    {
        var trainData = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(640, 12), ["label"] = randint(0, 3, 640) });
        var valData = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(160, 12), ["label"] = randint(0, 3, 160) });
        using var train = new EpochDataLoader(trainData, batchSize: 32, shuffle: true, seed: 17);
        using var val = new EpochDataLoader(valData, batchSize: 80);

        var model = nn.Sequential(nn.Linear(12, 32), nn.ReLU(), nn.Linear(32, 3));
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.001, momentum: 0.9);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 7, gamma: 0.1);
        double bestAccuracy = 0;

        for (int epoch = 0; epoch < 25; epoch++)
        {
            train.SetEpoch(epoch);
            foreach (var phase in new[] { "train", "val" })
            {
                bool training = phase == "train";
                model.train(training);
                var loader = training ? train : val;
                double runningLoss = 0;
                long correct = 0, seen = 0;

                foreach (var batch in loader)
                {
                    using var scope = NewDisposeScope();
                    using var grad = training ? enable_grad() : no_grad();
                    var outputs = model.forward(batch["data"]);
                    var loss = nn.functional.cross_entropy(outputs, batch["label"]);
                    if (training)
                    {
                        optimizer.zero_grad();
                        loss.backward();
                        optimizer.step();
                    }
                    runningLoss += loss.item<float>() * batch["label"].shape[0];
                    correct += outputs.argmax(1).eq(batch["label"]).sum().item<long>();
                    seen += batch["label"].shape[0];
                }

                if (training) scheduler.step();
                double accuracy = (double)correct / seen;
                Console.WriteLine($"{phase} loss {runningLoss / seen:F4} acc {accuracy:F4}");
                if (!training && accuracy > bestAccuracy) bestAccuracy = accuracy;
            }
        }
        Console.WriteLine($"best val acc {bestAccuracy:F4}");
    }
}
