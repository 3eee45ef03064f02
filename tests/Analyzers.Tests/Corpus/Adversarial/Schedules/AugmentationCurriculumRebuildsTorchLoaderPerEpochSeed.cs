// Scenario: augmentation-strength curriculum that rebuilds a shuffling TorchSharp DataLoader every epoch with seed: baseSeed + epoch — right (the seed changes with the loop that rebuilds it)
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

public static class CurriculumTraining
{
    public static void Run(int epochs = 24, int baseSeed = 1000)
    {
        using var clean = new FashionMnist(train: true);
        var model = nn.Sequential(
            ("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 512)), ("relu", nn.ReLU()),
            ("drop", nn.Dropout(0.1)), ("fc2", nn.Linear(512, 10)));
        var optimizer = torch.optim.SGD(model.parameters(), 0.05, momentum: 0.9, nesterov: true);
        var scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, new List<int> { 12, 20 }, gamma: 0.2);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            // noise ramps from 0 to 0.35 over the first half, then stays
            double strength = 0.35 * Math.Min(1.0, epoch / (epochs / 2.0));
            using var noisy = new NoisyView(clean, strength);
            using var loader = new DataLoader(noisy, 128, shuffle: true, seed: baseSeed + epoch, disposeDataset: false);

            model.train();
            double sum = 0;
            long n = 0;
            foreach (var batch in loader)
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                n++;
            }
            scheduler.step();
            Console.WriteLine($"epoch {epoch,2}  noise {strength:F2}  loss {sum / n:F4}  lr {scheduler.get_last_lr().First():G3}");
        }
    }
}

/// <summary>The clean images with gaussian noise of a given strength.</summary>
sealed class NoisyView(InMemoryDataset source, double strength) : torch.utils.data.Dataset
{
    public override long Count => source.Count;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        var sample = source.GetTensor(index);
        var image = sample["data"];
        var noisy = (image + torch.randn_like(image) * strength).clamp(0, 1);
        return new Dictionary<string, Tensor> { ["data"] = noisy, ["label"] = sample["label"] };
    }
}
