// Scenario: SGDR snapshot ensemble, a cycle loop around an epoch loop, with train.SetEpoch(cycle) where the global epoch was meant — wrong (epochs within a cycle share one order)
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Lab.Snapshots;

public sealed class SnapshotEnsemble
{
    private const double BaseLr = 0.1;

    public static List<string> Train(InMemoryDataset trainSet, int cycles = 5, int epochsPerCycle = 8)
    {
        using var train = new EpochDataLoader(trainSet, batchSize: 128, shuffle: true, seed: 12);
        var model = nn.Sequential(
            ("flatten", nn.Flatten()), ("fc1", nn.Linear(784, 400)), ("relu", nn.ReLU()), ("fc2", nn.Linear(400, 10)));
        var optimizer = torch.optim.SGD(model.parameters(), BaseLr, momentum: 0.9);
        var snapshots = new List<string>();

        for (int cycle = 0; cycle < cycles; cycle++)
        {
            // warm restart: back to the base LR, anneal to ~0 over this cycle's batches
            foreach (var g in optimizer.ParamGroups) g.LearningRate = BaseLr;
            var cosine = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max: epochsPerCycle * train.Count, eta_min: 1e-5);

            for (int epoch = 0; epoch < epochsPerCycle; epoch++)
            {
                train.SetEpoch(cycle); //! CMP004
                model.train();
                foreach (var batch in train)
                {
                    using var scope = torch.NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                    cosine.step();
                }
                Console.WriteLine($"cycle {cycle} epoch {epoch}: lr {cosine.get_last_lr().First():E2}");
            }

            string path = $"snapshots/cycle{cycle:D2}.bin";
            model.save(path);
            snapshots.Add(path);
        }
        return snapshots;
    }
}
