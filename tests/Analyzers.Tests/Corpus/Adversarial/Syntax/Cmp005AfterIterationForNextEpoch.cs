// Scenario: the epoch is set once before the loop and then, after each pass, for the next epoch (`epoch + 1`); inside the batch loop only the evaluation loader is touched; correct, no diagnostic.
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp005AfterIterationForNextEpoch;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(900, 9), ["label"] = randint(0, 3, 900) });
        using var train = new EpochDataLoader(data, batchSize: 30, shuffle: true, seed: 1);
        using var probe = new EpochDataLoader(data, batchSize: 300, sampler: new RandomSampler(data.Count, seed: 2, numSamples: 300));
        var model = nn.Linear(9, 3);
        var opt = optim.Adam(model.parameters());
        const int start = 0, epochs = 6;

        train.SetEpoch(start);
        for (int epoch = start; epoch < epochs; epoch++)
        {
            int step = 0;
            foreach (var batch in train)
            {
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
                if (++step % 10 == 0)
                {
                    probe.SetEpoch(epoch * 1000 + step);
                    using var _ = no_grad();
                    var b = probe.First();
                    Console.WriteLine($"probe acc {model.call(b["data"]).argmax(1).eq(b["label"]).to_type(ScalarType.Float32).mean().item<float>():P1}");
                }
            }
            train.SetEpoch(epoch + 1);
        }
    }
}
