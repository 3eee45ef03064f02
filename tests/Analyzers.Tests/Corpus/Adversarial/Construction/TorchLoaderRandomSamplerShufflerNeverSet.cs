// Scenario: A port of a PyTorch script hands TorchSharp's DataLoader a RandomSampler as its shuffler to get reproducible shuffling, then never sets the sampler's epoch, so each epoch replays epoch 0's order (bug: CMP002).
using Composer.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Reproducible;

public sealed record Hyper(int Epochs = 15, int BatchSize = 128, int Seed = 7, double Lr = 0.1);

public static class ReproducibleMlp
{
    public static IReadOnlyList<double> Train(InMemoryDataset trainSet, Hyper hyper)
    {
        manual_seed(hyper.Seed);
        var generator = new RandomSampler(trainSet.Count, seed: hyper.Seed);
        using var loader = new DataLoader(trainSet, hyper.BatchSize, generator, disposeDataset: false);

        var model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(784, 1024)),
            ("act1", nn.SiLU()),
            ("fc2", nn.Linear(1024, 10)));
        var optimizer = optim.SGD(model.parameters(), hyper.Lr, momentum: 0.9);
        var scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, hyper.Epochs);
        var history = new List<double>();

        int epoch = 0;
        while (epoch < hyper.Epochs)
        {
            model.train();
            double sum = 0;
            foreach (var batch in loader) //! CMP002
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
            }
            scheduler.step();
            history.Add(sum / loader.Count);
            Console.WriteLine($"epoch {epoch}: mean loss {history[^1]:F4}");
            epoch++;
        }
        return history;
    }
}
