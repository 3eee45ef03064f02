// Scenario: in the prune-and-fine-tune loop the variables were renamed (stage → round, epoch → pass) and SetEpoch now gets the outer round; every fine-tuning pass of a round reuses one order (wrong).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Compression;

public static class IterativePruning
{
    public static void Run(nn.Module<Tensor, Tensor> model, InMemoryDataset trainSet, int rounds, int passesPerRound, double pruneFraction)
    {
        using var train = new EpochDataLoader(trainSet, batchSize: 256, shuffle: true, seed: 31, prefetch: true);
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.01, momentum: 0.9, nesterov: true);

        for (int round = 0; round < rounds; round++)
        {
            PruneSmallestWeights(model, pruneFraction);

            for (int pass = 0; pass < passesPerRound; pass++)
            {
                train.SetEpoch(round); //! CMP004
                model.train();
                foreach (var batch in train)
                {
                    using var scope = torch.NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                    loss.backward();
                    optimizer.step();
                }
                Console.WriteLine($"round {round}, pass {pass}: fine-tuned");
            }
        }
    }

    static void PruneSmallestWeights(nn.Module model, double fraction)
    {
        using var noGrad = torch.no_grad();
        foreach (var (name, p) in model.named_parameters())
        {
            if (!name.EndsWith("weight")) continue;
            var magnitudes = p.abs().flatten();
            long k = (long)(magnitudes.shape[0] * fraction);
            if (k == 0) continue;
            var threshold = magnitudes.kthvalue(k, 0).values;
            p.mul_(p.abs().gt(threshold).to_type(p.dtype));
        }
    }
}
