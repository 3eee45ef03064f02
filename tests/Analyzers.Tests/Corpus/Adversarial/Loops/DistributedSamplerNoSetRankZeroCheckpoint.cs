// Scenario: data-parallel training with a DistributedSampler variable iterates it every epoch, checkpoints under if (Dist.Rank == 0), and never sets the sampler's epoch: bug.
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Experiments.Ddp;

public static class DdpLoop
{
    public static void Run(InMemoryDataset data, int epochs, string checkpointDir)
    {
        Dist.Initialize();
        var sampler = new DistributedSampler(data.Count, seed: 17, dropLast: true);
        using var loader = new EpochDataLoader(data, batchSize: 32, sampler: sampler);

        var model = nn.Sequential(("fc1", nn.Linear(100, 200)), ("relu", nn.ReLU()), ("fc2", nn.Linear(200, 20)));
        using var reducer = new GradientAllReducer(model, bucketBytes: 1 << 20);
        reducer.BroadcastParameters(root: 0);
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var batch in loader) //! CMP002
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
                loss.backward();
                reducer.AverageGradients();
                optimizer.step();
            }
            if (Dist.Rank == 0)
            {
                Directory.CreateDirectory(checkpointDir);
                model.save(Path.Combine(checkpointDir, $"epoch-{epoch:D3}.bin"));
                Console.WriteLine($"[rank 0] saved epoch {epoch}");
            }
            Dist.Barrier();
        }
    }
}
