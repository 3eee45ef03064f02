// Scenario: a hyper-parameter sweep rebuilds the TorchSharp loader in each trial from `cfg.Seed`, and advances the config with `cfg = cfg with { Seed = cfg.Seed + 1 }` at the end of each trial; the seed changes across the loop, so correct, no diagnostic.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp003SweepRecordWithSeed;

public sealed record TrialConfig(int Seed, double Lr, int BatchSize);

public static class Sweep
{
    public static void Run(torch.utils.data.Dataset data, int trials)
    {
        var cfg = new TrialConfig(Seed: 100, Lr: 1e-3, BatchSize: 32);
        for (int trial = 0; trial < trials; trial++)
        {
            using var loader = new DataLoader(data, cfg.BatchSize, shuffle: true, seed: cfg.Seed);
            var model = nn.Linear(8, 2);
            var opt = optim.Adam(model.parameters(), lr: cfg.Lr);
            foreach (var batch in loader)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
            cfg = cfg with { Seed = cfg.Seed + 1, Lr = cfg.Lr * 0.5 };
        }
    }
}
