// Scenario: the user writes `Epochs.SetEpoch(train.Sampler, epoch)` for a `shuffle: true` loader; that sets nothing on a RandomSampler and is not a hand-off of the loader or its batch sampler (bug: CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002SamplerPassedToEpochsSetEpoch;

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
            foreach (var batch in train) //! CMP002
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        }
    }
}
