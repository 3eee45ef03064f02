// Scenario: the sampler's epoch is set on the first batch, inside the batch loop, with a line-wrapped `(loader.Sampler as IEpochAware)\n ?.SetEpoch(epoch)` (bug: CMP005, reported on the `.SetEpoch(epoch)` part's line).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp005ConditionalAccessMultiline;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(960, 12), ["label"] = randint(0, 3, 960) });
        using var loader = new EpochDataLoader(data, batchSize: 48, sampler: new RandomSampler(data.Count, seed: 31));
        var model = nn.Linear(12, 3);
        var opt = optim.Adam(model.parameters());

        for (int epoch = 0; epoch < 4; epoch++)
        {
            bool first = true;
            foreach (var batch in loader)
            {
                if (first)
                {
                    (loader.Sampler as IEpochAware)
                        ?.SetEpoch(epoch); //! CMP005
                    first = false;
                }
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        }
    }
}
