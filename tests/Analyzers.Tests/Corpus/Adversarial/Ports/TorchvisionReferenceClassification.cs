// Scenario: torchvision's references/classification/train.py ported: the train sampler is a DistributedSampler or a RandomSampler, its epoch is set each epoch through an `is IEpochAware` test before TrainOneEpoch, the test loader uses a non-shuffling DistributedSampler — correct.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace HeldOut.Ports.TorchvisionReferenceClassification;

public sealed record TrainArgs(
    int BatchSize = 32, int Epochs = 90, int StartEpoch = 0, double Lr = 0.1, double Momentum = 0.9,
    double WeightDecay = 1e-4, int LrStepSize = 30, int Workers = 4, bool Distributed = false, int Seed = 0, int PrintFreq = 10);

public static class ClassificationReference
{
    public static void Run(TrainArgs args)
    {
        var (datasetTrain, datasetTest) = LoadData();

        ISampler trainSampler = args.Distributed
            ? new DistributedSampler(datasetTrain.Count, seed: args.Seed)
            : new RandomSampler(datasetTrain.Count, seed: args.Seed);
        ISampler testSampler = args.Distributed
            ? new DistributedSampler(datasetTest.Count, shuffle: false)
            : new SequentialSampler(datasetTest.Count);

        using var dataLoader = new EpochDataLoader(datasetTrain, batchSize: args.BatchSize, sampler: trainSampler, workers: args.Workers);
        using var dataLoaderTest = new EpochDataLoader(datasetTest, batchSize: args.BatchSize, sampler: testSampler, workers: args.Workers);

        var model = nn.Sequential(nn.Flatten(), nn.Linear(3 * 32 * 32, 256), nn.ReLU(), nn.Linear(256, 10));
        var optimizer = optim.SGD(model.parameters(), args.Lr, momentum: args.Momentum, weight_decay: args.WeightDecay);
        var lrScheduler = optim.lr_scheduler.StepLR(optimizer, args.LrStepSize, 0.1);

        Console.WriteLine("Start training");
        for (int epoch = args.StartEpoch; epoch < args.Epochs; epoch++)
        {
            // train.py: if args.distributed: train_sampler.set_epoch(epoch) — here every epoch-aware sampler is told
            if (trainSampler is IEpochAware aware) aware.SetEpoch(epoch);
            TrainOneEpoch(model, optimizer, dataLoader, epoch, args);
            lrScheduler.step();
            Evaluate(model, dataLoaderTest);
        }
    }

    private static void TrainOneEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, EpochDataLoader dataLoader, int epoch, TrainArgs args)
    {
        model.train();
        foreach (var (batch, i) in dataLoader.Select((b, i) => (b, i)))
        {
            using var scope = NewDisposeScope();
            var output = model.call(batch["image"]);
            var loss = nn.functional.cross_entropy(output, batch["label"], label_smoothing: 0.1);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            if (i % args.PrintFreq == 0)
                Console.WriteLine($"Epoch: [{epoch}] [{i}/{dataLoader.Count}] loss {loss.item<float>():F4}");
        }
    }

    private static void Evaluate(nn.Module<Tensor, Tensor> model, EpochDataLoader dataLoader)
    {
        model.eval();
        long correct = 0, seen = 0;
        using (no_grad())
        {
            foreach (var batch in dataLoader)
            {
                var predicted = model.call(batch["image"]).argmax(1);
                correct += predicted.eq(batch["label"]).sum().item<long>();
                seen += batch["label"].shape[0];
            }
        }
        Console.WriteLine($"Test: Acc@1 {100.0 * correct / Math.Max(seen, 1):F3}");
    }

    private static (InMemoryDataset Train, InMemoryDataset Test) LoadData()
    {
        InMemoryDataset Make(long n) => new(new Dictionary<string, Tensor>
        {
            ["image"] = randn(n, 3, 32, 32),
            ["label"] = randint(0, 10, new long[] { n }),
        });
        return (Make(5000), Make(1000));
    }
}
