// Scenario: curriculum training switches from an easy to a hard loader and back to the easy one for the last epochs; both are built in the method with `sampler: new DistributedSampler(...)` (no batch sampler), and the epoch is set on `current.Sampler`. Right: every visible creation has no batch sampler (no diagnostic).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.B.CurriculumSwitchBackSamplerEpoch;

public static class CurriculumDdp
{
    public static void Train(nn.Module<Tensor, Tensor> model, InMemoryDataset easySet, InMemoryDataset hardSet,
                             int world, int rank, int warmupEpochs, int hardEpochs, int totalEpochs)
    {
        using var easy = new EpochDataLoader(easySet, batchSize: 128,
            sampler: new DistributedSampler(easySet.Count, numReplicas: world, rank: rank, seed: 7));
        using var hard = new EpochDataLoader(hardSet, batchSize: 64,
            sampler: new DistributedSampler(hardSet.Count, numReplicas: world, rank: rank, seed: 7));
        var optimizer = optim.SGD(model.parameters(), 0.05, momentum: 0.9);

        var current = easy;
        for (int epoch = 0; epoch < totalEpochs; epoch++)
        {
            if (epoch == warmupEpochs) current = hard;                // hard examples after warm-up
            if (epoch == warmupEpochs + hardEpochs) current = easy;   // anneal on easy data again

            ((DistributedSampler)current.Sampler).SetEpoch(epoch);
            model.train();
            double total = 0;
            foreach (var batch in current)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.cross_entropy(model.forward(batch["x"]), batch["y"]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
            }
            if (rank == 0)
                Console.WriteLine($"epoch {epoch} ({(current == easy ? "easy" : "hard")}): {total / current.Count:F4}");
        }
    }
}
