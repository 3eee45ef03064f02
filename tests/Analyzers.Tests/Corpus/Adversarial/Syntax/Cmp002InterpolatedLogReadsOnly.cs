// Scenario: the epoch loop only logs the loader's batch count and sampler type inside an interpolated string (reads, not hand-offs); its epoch is never set (bug: CMP002).
using Composer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RedTeam.A.Cmp002InterpolatedLogReadsOnly;

public static class Program
{
    public static void Main()
    {
        var data = new InMemoryDataset(new Dictionary<string, Tensor> { ["data"] = randn(3000, 10), ["label"] = randint(0, 5, 3000) });
        var model = nn.Linear(10, 5);
        var opt = optim.SGD(model.parameters(), learningRate: 0.05);
        var train = new EpochDataLoader(data, 100, true, seed: 7);

        for (int epoch = 0; epoch < 12; epoch++)
        {
            Console.WriteLine($"epoch {epoch}: {train.Count} batches from {train.Sampler.GetType().Name} / {train.BatchSampler.GetType().Name}");
            using var it = train.GetEnumerator(); //! CMP002
            while (it.MoveNext())
            {
                var batch = it.Current;
                opt.zero_grad();
                using var loss = nn.functional.cross_entropy(model.call(batch["data"]), batch["label"]);
                loss.backward();
                opt.step();
            }
        }
    }
}
