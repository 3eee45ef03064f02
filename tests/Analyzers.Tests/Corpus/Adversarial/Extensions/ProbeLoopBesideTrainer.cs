// Scenario: top-level program that trains with the Trainer (which sets its loader's epoch) and then runs a hand-written linear-probe loop over a shuffling loader whose epoch it never sets - wrong, CMP002 on the probe loop only.
using Composer.Data;
using Composer.Training;
using static TorchSharp.torch;

var features = new Dictionary<string, Tensor> { ["data"] = randn(2048, 16), ["label"] = randint(0, 5, 2048) };
using var data = new InMemoryDataset(features);
using var train = new EpochDataLoader(data, batchSize: 64, shuffle: true, seed: 1);
using var backbone = new ComposerClassifier(nn.Linear(16, 5));
using var optimizer = optim.AdamW(backbone.parameters(), 1e-3);
using (var trainer = new Trainer(new TrainerOptions { Model = backbone, Optimizer = optimizer, TrainLoader = train, MaxDuration = "3ep" }))
{
    trainer.Fit();
}

using var probeData = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(512, 16), ["label"] = randint(0, 5, 512) });
using var probe = new EpochDataLoader(probeData, batchSize: 32, shuffle: true, seed: 3);
using var head = new ComposerClassifier(nn.Linear(16, 5));
using var probeOptimizer = optim.SGD(head.parameters(), 0.1);
int round = 0;
while (round < 5)
{
    foreach (var batch in probe) //! CMP002
    {
        probeOptimizer.zero_grad();
        head.Loss(head.Forward(batch), batch).backward();
        probeOptimizer.step();
    }
    round++;
}
Console.WriteLine($"probe trained for {round} rounds");

namespace Lab.Blind17.Probe
{
    internal static class Marker { }
}
