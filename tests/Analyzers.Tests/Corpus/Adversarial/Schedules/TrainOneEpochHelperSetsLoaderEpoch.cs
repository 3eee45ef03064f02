// Scenario: PyTorch-style TrainOneEpoch(model, loader, optimizer, scheduler, epoch) helper that calls loader.SetEpoch(epoch) before its batch loop and steps a OneCycle schedule per batch — right
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.optim.lr_scheduler;

namespace Lab.Vision;

public static class Program
{
    public static void Main(string[] args)
    {
        int epochs = args.Length > 0 ? int.Parse(args[0]) : 12;
        var device = torch.cuda.is_available() ? CUDA : CPU;

        using var trainSet = new FashionMnist(train: true);
        using var testSet = new FashionMnist(train: false);
        using var train = new EpochDataLoader(trainSet, batchSize: 256, shuffle: true, seed: 1, device: device);
        using var test = new EpochDataLoader(testSet, batchSize: 1000, device: device);

        var model = nn.Sequential(
            ("conv1", nn.Conv2d(1, 32, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(32, 64, 3, padding: 1)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()), ("fc", nn.Linear(64 * 7 * 7, 10)));
        model.to(device);
        var optimizer = torch.optim.SGD(model.parameters(), 0.01, momentum: 0.9, nesterov: true);
        var scheduler = OneCycleLR(optimizer, max_lr: 0.2, epochs: epochs, steps_per_epoch: (int)train.Count);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double loss = TrainOneEpoch(model, train, optimizer, scheduler, epoch);
            double acc = Test(model, test, testSet.Count);
            Console.WriteLine($"Epoch {epoch}: train loss {loss:F4}, test acc {acc:P2}");
            model.save($"checkpoints/fmnist_cnn_{epoch:D2}.bin");
        }
    }

    static double TrainOneEpoch(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, torch.optim.Optimizer optimizer, LRScheduler scheduler, int epoch)
    {
        loader.SetEpoch(epoch);
        model.train();
        double sum = 0;
        int batches = 0;
        foreach (var batch in loader)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
            scheduler.step();   // OneCycle steps per batch
            sum += loss.item<float>();
            batches++;
        }
        return sum / batches;
    }

    static double Test(nn.Module<Tensor, Tensor> model, EpochDataLoader loader, long count)
    {
        model.eval();
        using var _ = torch.no_grad();
        long correct = 0;
        foreach (var batch in loader)
            correct += model.forward(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
        return (double)correct / count;
    }
}
