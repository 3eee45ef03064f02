// Scenario: random-search sweep; each trial builds a fresh shuffling loader seeded from the trial and trains several epochs without ever setting its epoch; a bug (CMP002), the non-shuffling validation loader is fine.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Scripts.RandomSearch;

public sealed record TrialConfig(double Lr, int BatchSize, double Dropout, int Seed);

public static class RandomSearch
{
    public static TrialConfig Search(InMemoryDataset trainSet, InMemoryDataset valSet, int trials = 20)
    {
        var rng = new Random(7);
        TrialConfig? best = null;
        double bestAcc = -1;
        for (int t = 0; t < trials; t++)
        {
            var cfg = new TrialConfig(
                Lr: Math.Pow(10, rng.NextDouble() * -3 - 1),
                BatchSize: new[] { 32, 64, 128 }[rng.Next(3)],
                Dropout: rng.NextDouble() * 0.5,
                Seed: 100 + t);
            var acc = RunTrial(trainSet, valSet, cfg, epochs: 5);
            if (acc > bestAcc) (best, bestAcc) = (cfg, acc);
        }
        return best!;
    }

    static double RunTrial(InMemoryDataset trainSet, InMemoryDataset valSet, TrialConfig cfg, int epochs)
    {
        torch.manual_seed(cfg.Seed);
        using var train = new EpochDataLoader(trainSet, batchSize: cfg.BatchSize, shuffle: true, seed: cfg.Seed);
        using var val = new EpochDataLoader(valSet, batchSize: 512, shuffle: false, seed: cfg.Seed);
        var model = nn.Sequential(nn.Linear(100, 64), nn.ReLU(), nn.Dropout(cfg.Dropout), nn.Linear(64, 10));
        var opt = optim.Adam(model.parameters(), lr: cfg.Lr);

        double acc = 0;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            foreach (var batch in train) //! CMP002
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }

            model.eval();
            long hit = 0;
            using (no_grad())
                foreach (var batch in val)
                    hit += model.call(batch["data"]).argmax(1).eq(batch["label"]).sum().ToInt64();
            acc = (double)hit / valSet.Count;
        }
        return acc;
    }
}
