// Scenario: `var (start, total) = (ckpt.Epoch, 90);` before the loop, then `sampler.SetEpoch(start)` inside it; `start` never changes across the loop (bug: CMP004).
using Composer.Data;
using Composer.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp004DeconstructedStartEpoch;

public sealed record CheckpointMeta(int Epoch, long Step);

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(2000, 16), ["label"] = randint(0, 10, 2000) });
        var ckpt = new CheckpointMeta(Epoch: 12, Step: 12 * 63);
        var sampler = new DistributedSampler(data.Count, Dist.WorldSize, Dist.Rank, seed: 0);
        using var loader = new EpochDataLoader(data, batchSize: 32, sampler: sampler);
        var model = nn.Linear(16, 10);
        var opt = optim.SGD(model.parameters(), learningRate: 0.1, momentum: 0.9);

        var (start, total) = (ckpt.Epoch, 90);
        for (var e = start; e < total; e++)
        {
            sampler.SetEpoch(start); //! CMP004
            foreach (var batch in loader)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        }
    }
}
