// Scenario: a multi-task loop keeps its two shuffled loaders in a local array, sets each one's epoch with a foreach over that array, then iterates both: correct (the foreach over loaders is not an epoch loop).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.MultiTask;

public static class MultiTaskLoop
{
    public static void Train(InMemoryDataset classification, InMemoryDataset regression, int epochs)
    {
        using var clsLoader = new EpochDataLoader(classification, batchSize: 64, shuffle: true, seed: 21);
        using var regLoader = new EpochDataLoader(regression, batchSize: 64, sampler: new DistributedSampler(regression.Count, seed: 22));
        var loaders = new[] { clsLoader, regLoader };

        var trunk = nn.Sequential(("fc", nn.Linear(40, 128)), ("relu", nn.ReLU()));
        var clsHead = nn.Linear(128, 7);
        var regHead = nn.Linear(128, 1);
        var parameters = trunk.parameters().Concat(clsHead.parameters()).Concat(regHead.parameters());
        var optimizer = optim.Adam(parameters, lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var loader in loaders)
                loader.SetEpoch(epoch);

            foreach (var batch in clsLoader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(clsHead.forward(trunk.forward(batch["data"])), batch["label"]);
                loss.backward();
                optimizer.step();
            }
            foreach (var batch in regLoader)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.smooth_l1_loss(regHead.forward(trunk.forward(batch["data"])), batch["target"]);
                loss.backward();
                optimizer.step();
            }
        }
    }
}
