// Scenario: an ImageFolder classifier on the best available device (CUDA, else CPU) with worker threads and augmentation; the shuffling train loader's epoch is set at the top of every epoch and the validation loader does not shuffle — right, nothing to report.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Acme.Plants;

public static class LeafDiseaseTraining
{
    static Device PickDevice()
    {
        if (cuda.is_available())
        {
            Console.WriteLine($"CUDA with {cuda.device_count()} device(s)");
            return CUDA;
        }
        Console.WriteLine("No CUDA device; training on the CPU (expect this to be slow).");
        return CPU;
    }

    public static void Main(string[] args)
    {
        string root = args.Length > 0 ? args[0] : "data/leaves";
        var device = PickDevice();

        var augment = new Compose(new Resize(72), new RandomCrop(64, padding: 4), new RandomHorizontalFlip(),
            new Normalize([0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f]));
        var plain = new Compose(new Resize(64, 64), new Normalize([0.5f, 0.5f, 0.5f], [0.25f, 0.25f, 0.25f]));

        using var train = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
            new ImageFolder(Path.Combine(root, "train"), augment), ImageFolder.Collate,
            batchSize: 64, shuffle: true, seed: 7, device: device, workers: 4, disposeDataset: true);
        using var val = new EpochDataLoader<LabeledImage, Dictionary<string, Tensor>>(
            new ImageFolder(Path.Combine(root, "val"), plain), ImageFolder.Collate,
            batchSize: 128, device: device, workers: 2, disposeDataset: true);

        var model = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding: 1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding: 1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 38));
        model.to(device);
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.05, momentum: 0.9, weight_decay: 5e-4);
        var schedule = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max: 40);

        for (int epoch = 0; epoch < 40; epoch++)
        {
            train.SetEpoch(epoch);   // new crops, flips and order every epoch
            model.train();
            foreach (var batch in train)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            schedule.step();

            model.eval();
            long correct = 0, seen = 0;
            using (no_grad())
            {
                foreach (var batch in val)
                {
                    using var scope = NewDisposeScope();
                    correct += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().item<long>();
                    seen += batch["label"].shape[0];
                }
            }
            Console.WriteLine($"epoch {epoch}: val accuracy {(double)correct / seen:P2}");
        }
    }
}
