// Scenario: the user writes `Epochs.SetEpoch(train.Sampler, epoch)` for a `shuffle: true` loader: that sets the RandomSampler the loader draws from (no batch sampler of theirs), as `train.Sampler.SetEpoch(epoch)` would — correct (relabelled 2026-12-07: it was labelled CMP002 on the belief that it sets nothing; EpochsTests.ReachesAShufflingLoadersSamplerWhenGivenIt shows it does).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.SamplerPassedToEpochsSetEpoch;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(600, 3), ["label"] = randint(0, 2, 600) });
        using var train = new EpochDataLoader(data, batchSize: 20, shuffle: true, seed: 4);
        var model = nn.Linear(3, 2);
        var opt = optim.Adam(model.parameters());
        for (int epoch = 0; epoch < 10; epoch++)
        {
            Epochs.SetEpoch(train.Sampler, epoch);
            foreach (var batch in train)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        }
    }
}
